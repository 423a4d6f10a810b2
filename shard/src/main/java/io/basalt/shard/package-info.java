/** Shard chains: blocks, state transition over execution, cross-shard receipts, mempool. */
package io.basalt.shard;
