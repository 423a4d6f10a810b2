package io.basalt.execution.transaction;

import io.basalt.common.crypto.secp256k1.SecpEcdsa;
import io.basalt.common.crypto.secp256k1.SecpPrivateKey;
import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Per-transaction cost of admitting a raw transfer: decode, hash and recover the sender (the
 * recovery dominates), for type-2 and legacy transactions, and decode plus hash alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TransactionBenchmark {

  private static final int TRANSACTIONS = 256;
  private static final long CHAIN_ID = 7_612_900L;

  private Bytes[] eip1559;
  private Bytes[] legacy;
  private int next;

  /** Transfers from distinct random keys, so no result repeats. */
  @Setup(Level.Trial)
  public void signTransactions() {
    SecureRandom random = new SecureRandom();
    SecpEcdsa ecdsa = SecpEcdsa.getDefault();
    eip1559 = new Bytes[TRANSACTIONS];
    legacy = new Bytes[TRANSACTIONS];
    for (int i = 0; i < TRANSACTIONS; i++) {
      SecpPrivateKey key = SecpPrivateKey.random(random);
      Optional<Address> to = Optional.of(new Address(Bytes.random(Address.SIZE, random)));
      BigInteger gwei = BigInteger.TEN.pow(9);
      BigInteger value = BigInteger.TEN.pow(18).add(BigInteger.valueOf(i));
      Eip1559Transaction typed =
          Eip1559Transaction.unsigned(
              BigInteger.valueOf(CHAIN_ID),
              UInt64.valueOf(i),
              gwei,
              gwei.multiply(BigInteger.valueOf(30)),
              UInt64.valueOf(21_000),
              to,
              value,
              Bytes.EMPTY,
              List.of());
      eip1559[i] = TransactionSigner.sign(typed, key, ecdsa).encode();
      LegacyTransaction plain =
          LegacyTransaction.unsigned(
              UInt64.valueOf(i),
              gwei.multiply(BigInteger.valueOf(30)),
              UInt64.valueOf(21_000),
              to,
              value,
              Bytes.EMPTY);
      legacy[i] = TransactionSigner.sign(plain, CHAIN_ID, key, ecdsa).encode();
    }
  }

  private int nextIndex() {
    next = (next + 1) & (TRANSACTIONS - 1);
    return next;
  }

  @Benchmark
  public SenderResult decodeHashRecoverEip1559(Blackhole hashes)
      throws TransactionDecodingException {
    return decodeHashRecover(eip1559[nextIndex()], hashes);
  }

  @Benchmark
  public SenderResult decodeHashRecoverLegacy(Blackhole hashes)
      throws TransactionDecodingException {
    return decodeHashRecover(legacy[nextIndex()], hashes);
  }

  @Benchmark
  public Bytes32 decodeAndHashEip1559() throws TransactionDecodingException {
    return TransactionDecoder.decode(eip1559[nextIndex()]).hash();
  }

  private static SenderResult decodeHashRecover(Bytes raw, Blackhole hashes)
      throws TransactionDecodingException {
    Transaction tx = TransactionDecoder.decode(raw);
    hashes.consume(tx.hash());
    SenderResult sender = SenderRecovery.recover(tx);
    if (!(sender instanceof SenderResult.Recovered)) {
      throw new IllegalStateException("A freshly signed transaction did not recover: " + sender);
    }
    return sender;
  }
}
