package io.basalt.storage.rocksdb;

import static io.basalt.storage.TestSchema.NAME;
import static io.basalt.storage.TestSchema.RAW;

import io.basalt.storage.KvStore;
import io.basalt.storage.KvStoreTransaction;
import io.basalt.storage.TestSchema;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.apache.tuweni.bytes.Bytes;

/**
 * Child process for {@link RocksDbCrashTest}: commits a first transaction, then either stages a
 * second one without committing ({@code pending}, prints {@code READY}) or commits it too ({@code
 * committed}, prints {@code COMMITTED}), and waits forever to be killed. It never closes the store,
 * so nothing is flushed beyond what commit itself guarantees.
 */
public final class RocksDbCrashChild {

  static final int FIRST_KEYS = 3;
  static final int SECOND_KEYS = 16;

  private RocksDbCrashChild() {}

  static Bytes firstKey(int i) {
    return Bytes.of(0x01, i);
  }

  static Bytes secondKey(int i) {
    return Bytes.of(0x02, i);
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String mode = args[1];
    KvStore store = RocksDbKvStore.open(dir, RocksDbConfig.defaults(), TestSchema.SCHEMA);
    try (KvStoreTransaction tx = store.startTransaction()) {
      for (int i = 0; i < FIRST_KEYS; i++) {
        tx.put(RAW, firstKey(i), Bytes.of(i));
      }
      tx.put(NAME, "first");
      tx.commit();
    }
    KvStoreTransaction second = store.startTransaction();
    for (int i = 0; i < SECOND_KEYS; i++) {
      second.put(RAW, secondKey(i), Bytes.of(i));
    }
    second.put(NAME, "second");
    if (mode.equals("committed")) {
      second.commit();
      System.out.println("COMMITTED");
    } else {
      System.out.println("READY");
    }
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
