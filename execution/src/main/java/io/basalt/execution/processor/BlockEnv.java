package io.basalt.execution.processor;

import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import io.basalt.execution.contracts.MessagingView;
import io.basalt.execution.contracts.SettlementView;
import java.math.BigInteger;
import java.util.Objects;

/**
 * What a shard block's execution needs to know about the block.
 *
 * @param shard this shard's number
 * @param shardCount the number of shards (CrossShard targets are {@code 0..shardCount-1})
 * @param chainId this shard's chain id, {@code CHAIN_ID_BASE + shard}
 * @param baseFee the block's EIP-1559 base fee per gas, burned
 * @param gasLimit the block's gas limit
 * @param feeRecipient who receives the priority fees (the proposer's choice)
 * @param messaging counts of cross-shard messages, for the system contracts' views
 * @param settlement the slot and L1 finality facts the Settlement contract reads
 */
public record BlockEnv(
    int shard,
    int shardCount,
    long chainId,
    BigInteger baseFee,
    UInt64 gasLimit,
    Address feeRecipient,
    MessagingView messaging,
    SettlementView settlement) {
  public BlockEnv {
    Objects.requireNonNull(settlement, "settlement");
    Objects.requireNonNull(baseFee, "baseFee");
    Objects.requireNonNull(gasLimit, "gasLimit");
    Objects.requireNonNull(feeRecipient, "feeRecipient");
    Objects.requireNonNull(messaging, "messaging");
    if (shardCount < 1 || shard < 0 || shard >= shardCount) {
      throw new IllegalArgumentException("shard " + shard + " is not in 0.." + (shardCount - 1));
    }
    if (baseFee.signum() < 0) {
      throw new IllegalArgumentException("negative base fee");
    }
  }

  /** An environment whose Settlement view is {@link SettlementView#NONE}. */
  public BlockEnv(
      int shard,
      int shardCount,
      long chainId,
      BigInteger baseFee,
      UInt64 gasLimit,
      Address feeRecipient,
      MessagingView messaging) {
    this(
        shard,
        shardCount,
        chainId,
        baseFee,
        gasLimit,
        feeRecipient,
        messaging,
        SettlementView.NONE);
  }
}
