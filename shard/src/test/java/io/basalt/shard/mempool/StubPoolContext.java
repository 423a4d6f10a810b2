package io.basalt.shard.mempool;

import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import io.basalt.execution.transaction.TransactionValidator.Account;
import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A head the test sets by hand: chain id, base fee, gas limit and accounts (absent: empty). */
final class StubPoolContext implements PoolContext {

  private final Map<Address, Account> accounts = new ConcurrentHashMap<>();
  private volatile BigInteger baseFee = TestTx.GWEI;
  private volatile UInt64 blockGasLimit = UInt64.valueOf(30_000_000);

  StubPoolContext fund(Address address, long nonce, BigInteger balance) {
    accounts.put(address, new Account(UInt64.valueOf(nonce), balance));
    return this;
  }

  StubPoolContext baseFee(BigInteger baseFee) {
    this.baseFee = baseFee;
    return this;
  }

  StubPoolContext blockGasLimit(long gasLimit) {
    this.blockGasLimit = UInt64.valueOf(gasLimit);
    return this;
  }

  @Override
  public long chainId() {
    return TestTx.CHAIN_ID;
  }

  @Override
  public BigInteger baseFee() {
    return baseFee;
  }

  @Override
  public UInt64 blockGasLimit() {
    return blockGasLimit;
  }

  @Override
  public Account account(Address address) {
    return accounts.getOrDefault(address, new Account(UInt64.ZERO, BigInteger.ZERO));
  }
}
