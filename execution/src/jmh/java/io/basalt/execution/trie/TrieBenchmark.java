package io.basalt.execution.trie;

import io.basalt.common.crypto.Hash;
import io.basalt.common.types.Address;
import io.basalt.execution.state.Wei;
import io.basalt.execution.state.WorldState;
import io.basalt.storage.KvStore;
import io.basalt.storage.rocksdb.RocksDbConfig;
import io.basalt.storage.rocksdb.RocksDbKvStore;
import io.basalt.storage.schema.BasaltSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import org.openjdk.jmh.annotations.TearDown;

/**
 * A block's worth of state work on a shard with 100,000 accounts in RocksDB: 10,000 balance updates
 * of random existing accounts, then the state root and a commit of the new trie nodes (one write
 * batch). {@code updatesAndRoot} is the same without the commit.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TrieBenchmark {

  private static final int ACCOUNTS = 100_000;
  private static final int UPDATES = 10_000;

  private Path dir;
  private KvStore kv;
  private WorldState state;
  private Address[] addresses;
  private final Random random = new Random(7);

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("basalt-trie-bench");
    kv = RocksDbKvStore.open(dir, RocksDbConfig.defaults(), BasaltSchema.SCHEMA);
    state = WorldState.empty(new KvNodeStore(kv));
    addresses = new Address[ACCOUNTS];
    for (int i = 0; i < ACCOUNTS; i++) {
      addresses[i] = new Address(Hash.keccak256(Bytes.ofUnsignedInt(i)).slice(12, 20));
      state.addBalance(addresses[i], Wei.ofEther(1));
    }
    state.commit();
  }

  @Benchmark
  public Bytes32 updatesRootAndCommit() {
    applyUpdates();
    return state.commit();
  }

  @Benchmark
  public Bytes32 updatesAndRoot() {
    applyUpdates();
    return state.rootHash();
  }

  private void applyUpdates() {
    for (int i = 0; i < UPDATES; i++) {
      state.addBalance(addresses[random.nextInt(ACCOUNTS)], Wei.of(1 + random.nextInt(1000)));
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    kv.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
