package io.basalt.node.rpc.eth;

/** {@code eth_syncing}: whether the node catches up, and the shard block numbers involved. */
public record SyncState(
    boolean syncing, long startingBlock, long currentBlock, long highestBlock) {}
