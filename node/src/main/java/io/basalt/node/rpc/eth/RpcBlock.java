package io.basalt.node.rpc.eth;

import io.basalt.common.types.Address;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.execution.receipt.LogsBloom;
import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A canonical-or-not shard block as the Ethereum API shows it. The shard genesis (number 0) has no
 * block: its hash and parent hash are zero, as the beacon chain's genesis crosslink.
 *
 * @param number the block's height (genesis 0, child = parent + 1)
 * @param timestamp the start of the block's slot, in Unix seconds
 * @param size the SSZ size of the signed block (0 for genesis)
 */
public record RpcBlock(
    ShardId shard,
    long number,
    Bytes32 hash,
    Bytes32 parentHash,
    Slot slot,
    Bytes32 beaconBlockRoot,
    Bytes32 stateRoot,
    Bytes32 transactionsRoot,
    Bytes32 receiptsRoot,
    LogsBloom logsBloom,
    Address miner,
    long gasUsed,
    long gasLimit,
    BigInteger baseFeePerGas,
    long timestamp,
    long size,
    List<RpcTransaction> transactions) {

  public RpcBlock {
    transactions = List.copyOf(transactions);
  }
}
