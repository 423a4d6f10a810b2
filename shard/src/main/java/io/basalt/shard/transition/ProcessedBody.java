package io.basalt.shard.transition;

import io.basalt.beacon.datastructures.shard.ShardOutbox;
import io.basalt.common.types.UInt64;
import io.basalt.execution.processor.ExecutionResult;
import io.basalt.execution.processor.RecoveredTransaction;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A body run against its parent state: the new account root (its nodes written to the node store),
 * outbox and cursors, the execution's receipts and fees, and the transactions with their senders.
 */
public record ProcessedBody(
    Bytes32 accountsRoot,
    ShardOutbox outbox,
    List<UInt64> inboxCursors,
    UInt64 withdrawalCursor,
    ExecutionResult execution,
    List<RecoveredTransaction> transactions) {}
