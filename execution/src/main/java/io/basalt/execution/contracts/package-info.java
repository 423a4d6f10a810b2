/**
 * System contracts at fixed addresses (CrossShard, Staking, Settlement), implemented in Java behind
 * the Solidity ABI, their call context (contract storage, the Settlement view of Layer 1), and
 * read-only calls ({@code eth_call}). Contracts decide; the transaction processor applies their
 * effects. See docs/execution.md and docs/settlement.md.
 */
package io.basalt.execution.contracts;
