package io.basalt.node.rpc.eth;

import io.basalt.execution.receipt.Log;
import org.apache.tuweni.bytes.Bytes32;

/** A log placed in its block: {@code logIndex} counts the block's logs from 0. */
public record RpcLog(
    Log log,
    Bytes32 blockHash,
    long blockNumber,
    Bytes32 transactionHash,
    int transactionIndex,
    int logIndex,
    boolean removed) {}
