package io.basalt.shard.mempool;

import io.basalt.common.crypto.secp256k1.SecpEcdsa;
import io.basalt.common.crypto.secp256k1.SecpPrivateKey;
import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import io.basalt.execution.transaction.Eip1559Transaction;
import io.basalt.execution.transaction.Transaction;
import io.basalt.execution.transaction.TransactionSigner;
import io.basalt.execution.transaction.TransactionValidator.Account;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/** Signed transfers and a funded head for the mempool benchmarks. */
final class BenchPool {

  static final long CHAIN_ID = 7_612_900L;
  static final BigInteger GWEI = BigInteger.TEN.pow(9);
  static final UInt64 GAS_LIMIT = UInt64.valueOf(30_000_000);

  private static final SecpEcdsa ECDSA = SecpEcdsa.getDefault();
  private static final Optional<Address> TO =
      Optional.of(Address.fromHexString("0x00000000000000000000000000000000000000aa"));

  private BenchPool() {}

  /** A head where every account has 1,000 ether and nonce 0. */
  static PoolContext richHead() {
    Map<Address, Account> accounts = new ConcurrentHashMap<>();
    Account rich = new Account(UInt64.ZERO, BigInteger.TEN.pow(21));
    return new PoolContext() {
      @Override
      public long chainId() {
        return CHAIN_ID;
      }

      @Override
      public BigInteger baseFee() {
        return GWEI;
      }

      @Override
      public UInt64 blockGasLimit() {
        return GAS_LIMIT;
      }

      @Override
      public Account account(Address address) {
        return accounts.getOrDefault(address, rich);
      }
    };
  }

  /** Sender {@code sender}'s transfer at {@code nonce} with this tip (fee cap 100 gwei). */
  static Transaction transfer(int sender, long nonce, BigInteger tip) {
    SecpPrivateKey key = SecpPrivateKey.fromBytes(Bytes32.leftPad(Bytes.ofUnsignedInt(sender + 1)));
    Eip1559Transaction unsigned =
        Eip1559Transaction.unsigned(
            BigInteger.valueOf(CHAIN_ID),
            UInt64.valueOf(nonce),
            tip,
            GWEI.multiply(BigInteger.valueOf(100)),
            UInt64.valueOf(21_000),
            TO,
            BigInteger.ONE,
            Bytes.EMPTY,
            List.of());
    return TransactionSigner.sign(unsigned, key, ECDSA);
  }

  static void addAll(ShardMempool pool, Transaction[] transactions) {
    for (Transaction tx : transactions) {
      if (pool.add(tx).status() == AddResult.Status.REJECTED) {
        throw new IllegalStateException("Benchmark transaction refused: " + pool.add(tx));
      }
    }
  }
}
