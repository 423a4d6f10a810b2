/**
 * Shard chains in the node's database: blocks, post-states, receipts and transaction locations per
 * imported block, written atomically with the block's trie nodes; the finalized index and pruning.
 */
package io.basalt.shard.store;
