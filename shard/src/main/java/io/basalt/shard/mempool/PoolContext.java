package io.basalt.shard.mempool;

import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import io.basalt.execution.transaction.TransactionValidator.Account;
import java.math.BigInteger;

/**
 * What a {@link ShardMempool} needs to know about its shard's head: the chain id, the base fee and
 * gas limit of the next block, and each sender's nonce and balance in the head state.
 *
 * <p>The pool calls it while holding its lock, so implementations must be quick and must not call
 * back into the pool. After the head changes, the owner updates what this returns and then calls
 * {@link ShardMempool#onNewHead()}.
 */
public interface PoolContext {

  /** This shard's chain id, {@code CHAIN_ID_BASE + shard}. */
  long chainId();

  /** The base fee per gas of the next block. */
  BigInteger baseFee();

  /** The gas limit of the next block. */
  UInt64 blockGasLimit();

  /** The account in the head state; nonce 0 and balance 0 when it does not exist. */
  Account account(Address address);
}
