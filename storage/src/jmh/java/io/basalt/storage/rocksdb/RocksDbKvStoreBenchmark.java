package io.basalt.storage.rocksdb;

import io.basalt.storage.Column;
import io.basalt.storage.KvStore;
import io.basalt.storage.KvStoreTransaction;
import io.basalt.storage.Schema;
import io.basalt.storage.codec.Codecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
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
 * Commits of 100 puts (32-byte keys, 256-byte values, as for trie nodes) and point reads of
 * existing keys, on a real RocksDB in a temporary directory, WAL without fsync.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RocksDbKvStoreBenchmark {

  private static final Column<Bytes32, Bytes> NODES =
      Column.of(1, "NODES", Codecs.BYTES32, Codecs.BYTES);
  private static final Schema SCHEMA = Schema.of(1, List.of(NODES), List.of());
  private static final int BATCH = 100;
  private static final int PRELOADED = 100_000;

  private Path dir;
  private KvStore store;
  private final Random random = new Random(1);
  private final Bytes value = Bytes.random(256, new Random(2));

  @Setup(Level.Trial)
  public void open() throws IOException {
    dir = Files.createTempDirectory("basalt-storage-bench");
    store = RocksDbKvStore.open(dir, RocksDbConfig.defaults(), SCHEMA);
    for (int start = 0; start < PRELOADED; start += 1000) {
      try (KvStoreTransaction tx = store.startTransaction()) {
        for (int i = start; i < start + 1000; i++) {
          tx.put(NODES, key(i), value);
        }
        tx.commit();
      }
    }
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    store.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static Bytes32 key(long i) {
    return Bytes32.leftPad(Bytes.ofUnsignedLong(i));
  }

  /** One commit of {@value #BATCH} puts; score is commits per second. */
  @Benchmark
  public void commitBatchOf100Puts() {
    try (KvStoreTransaction tx = store.startTransaction()) {
      long base = PRELOADED + random.nextInt(1 << 30);
      for (int i = 0; i < BATCH; i++) {
        tx.put(NODES, key(base + i), value);
      }
      tx.commit();
    }
  }

  @Benchmark
  public Object getExistingKey() {
    return store.get(NODES, key(random.nextInt(PRELOADED)));
  }
}
