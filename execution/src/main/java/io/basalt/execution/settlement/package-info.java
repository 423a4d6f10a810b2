/**
 * The Settlement contract's protocol pieces: its ABI, records and storage layout, BLS quorum rules,
 * signed digests, the withdrawals Merkle tree and the derived batch statuses. Pure functions and
 * values, usable by L2 code and verifiers as well. See docs/settlement.md.
 */
package io.basalt.execution.settlement;
