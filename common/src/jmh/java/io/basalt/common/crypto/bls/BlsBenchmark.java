package io.basalt.common.crypto.bls;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Verification costs that matter for attestations. Targets: FastAggregateVerify over 512 cached
 * keys at most 1.3 times one verify; a 64-set batch at most 0.55 times a verify per signature (the
 * batch benchmarks report time per signature through {@code OperationsPerInvocation}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BlsBenchmark {

  private static final int COMMITTEE = 512;
  private static final int BATCH = 64;

  private final Bytes message = Bytes.repeat((byte) 0x42, 32);
  private BlsPublicKey publicKey;
  private BlsSignature signature;
  private List<BlsPublicKey> committee;
  private BlsSignature committeeSignature;
  private List<BlsSignatureSet> batch;
  private BlsBatchVerifier batchVerifier;
  private BlsBatchVerifier parallelBatchVerifier;
  private ExecutorService pool;

  @Setup
  public void setUp() {
    List<BlsSecretKey> keys = new ArrayList<>();
    for (int i = 0; i < COMMITTEE; i++) {
      keys.add(InteropKeys.secretKey(i));
    }
    publicKey = keys.get(0).publicKey();
    // Round-trip through bytes so the benchmark sees decoded, cached keys as a node would.
    signature = BlsSignature.fromBytes(Bls.sign(keys.get(0), message).toBytes());
    committee = keys.stream().map(k -> BlsPublicKey.fromBytes(k.publicKey().toBytes())).toList();
    committeeSignature =
        BlsSignature.fromBytes(
            Bls.aggregate(keys.stream().map(k -> Bls.sign(k, message)).toList()).toBytes());
    batch = new ArrayList<>();
    for (int i = 0; i < BATCH; i++) {
      Bytes m = Bytes.repeat((byte) i, 32);
      batch.add(
          BlsSignatureSet.single(
              committee.get(i), m, BlsSignature.fromBytes(Bls.sign(keys.get(i), m).toBytes())));
    }
    int cores = Runtime.getRuntime().availableProcessors();
    pool = Executors.newFixedThreadPool(Math.max(1, cores - 1));
    batchVerifier = new BlsBatchVerifier();
    parallelBatchVerifier = new BlsBatchVerifier(new SecureRandom(), pool, cores);
  }

  @TearDown
  public void tearDown() {
    pool.shutdownNow();
  }

  @Benchmark
  public boolean verify() {
    return Bls.verify(publicKey, message, signature);
  }

  @Benchmark
  public boolean fastAggregateVerify512() {
    return Bls.fastAggregateVerify(committee, message, committeeSignature);
  }

  @Benchmark
  public BlsPublicKey aggregatePublicKeys512() {
    return Bls.aggregatePublicKeys(committee);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public boolean batchVerify64PerSignature() {
    return batchVerifier.verify(batch);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public boolean batchVerify64ParallelPerSignature() {
    return parallelBatchVerifier.verify(batch);
  }
}
