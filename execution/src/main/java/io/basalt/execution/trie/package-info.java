/**
 * Ethereum's hexary Merkle-Patricia trie (yellow paper, appendix D): {@link
 * io.basalt.execution.trie.MerklePatriciaTrie} over raw keys, {@link
 * io.basalt.execution.trie.SecureTrie} over Keccak-256-hashed keys, persistence through a {@link
 * io.basalt.execution.trie.NodeStore}, and Merkle proofs with {@link
 * io.basalt.execution.trie.TrieProofVerifier}. See {@code docs/execution.md}.
 */
package io.basalt.execution.trie;
