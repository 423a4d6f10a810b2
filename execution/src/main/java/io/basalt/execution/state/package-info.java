/**
 * Per-shard account state: {@link io.basalt.execution.state.Account} with Ethereum's account RLP,
 * {@link io.basalt.execution.state.WorldState} over a secure Merkle-Patricia trie, and {@code
 * eth_getProof}-shaped proofs. See {@code docs/execution.md}.
 */
package io.basalt.execution.state;
