package io.basalt.node.validator.slashing;

import io.basalt.common.crypto.bls.BlsPublicKey;
import io.basalt.common.crypto.bls.InteropKeys;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Slot;
import io.basalt.storage.rocksdb.RocksDbConfig;
import io.basalt.storage.rocksdb.RocksDbKvStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost a validator pays before releasing a signature: one check-and-record of an attestation
 * (the common duty) or a block, each at the next epoch or slot, after a history of 1,000
 * attestations, on RocksDB. {@code fsync} is the node's configuration (WAL fsync per commit), so it
 * measures the disk's sync latency as much as the code; {@code nofsync} leaves the sync out to show
 * the cost of the checks and the write. (The in-memory store copies a table per commit, so it is no
 * baseline here.)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SlashingProtectionBenchmark {

  private static final Bytes32 GENESIS = Bytes32.fromHexString("0x01");
  private static final int HISTORY = 1_000;

  @Param({"fsync", "nofsync"})
  public String store;

  private Path dir;
  private KvSlashingProtection protection;
  private BlsPublicKey validator;
  private long next;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    validator = InteropKeys.secretKey(0).publicKey();
    dir = Files.createTempDirectory("slashing-bench");
    protection =
        store.equals("fsync")
            ? KvSlashingProtection.open(dir, GENESIS)
            : KvSlashingProtection.create(
                RocksDbKvStore.open(dir, RocksDbConfig.defaults(), SlashingProtectionSchema.SCHEMA),
                GENESIS);
    for (next = 1; next <= HISTORY; next++) {
      sign(next);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    protection.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Benchmark
  public SigningDecision attestationAtTheNextEpoch() {
    return sign(next++);
  }

  @Benchmark
  public SigningDecision blockAtTheNextSlot() {
    long slot = next++;
    return protection.checkAndRecordBlock(validator, Slot.of(slot), root(slot));
  }

  private SigningDecision sign(long target) {
    SigningDecision decision =
        protection.checkAndRecordAttestation(
            validator, Epoch.of(target - 1), Epoch.of(target), root(target));
    if (!decision.isSafe()) {
      throw new IllegalStateException(decision.toString());
    }
    return decision;
  }

  private static Bytes32 root(long n) {
    return Bytes32.leftPad(Bytes.ofUnsignedLong(n));
  }
}
