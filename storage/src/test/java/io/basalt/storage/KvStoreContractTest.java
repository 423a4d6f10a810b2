package io.basalt.storage;

import static io.basalt.storage.TestSchema.BY_SLOT;
import static io.basalt.storage.TestSchema.COUNTER;
import static io.basalt.storage.TestSchema.LONGS;
import static io.basalt.storage.TestSchema.NAME;
import static io.basalt.storage.TestSchema.RAW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.types.UInt64;
import io.basalt.storage.codec.Codecs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link KvStore} must have; one subclass per implementation. */
public abstract class KvStoreContractTest {

  protected KvStore store;

  /** A new empty store laid out by {@link TestSchema#SCHEMA}. */
  protected abstract KvStore createStore() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = createStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  private static Bytes b(String hex) {
    return Bytes.fromHexString(hex);
  }

  private void put(Bytes key, Bytes value) {
    try (KvStoreTransaction tx = store.startTransaction()) {
      tx.put(RAW, key, value);
      tx.commit();
    }
  }

  private static <K, V> List<K> keys(Stream<ColumnEntry<K, V>> stream) {
    try (stream) {
      return stream.map(ColumnEntry::key).toList();
    }
  }

  @Test
  void shouldReturnCommittedValue() {
    put(b("0x01"), b("0xaa"));
    assertThat(store.get(RAW, b("0x01"))).contains(b("0xaa"));
  }

  @Test
  void shouldReturnEmptyForMissingKey() {
    put(b("0x01"), b("0xaa"));
    assertThat(store.get(RAW, b("0x02"))).isEmpty();
    assertThat(store.get(BY_SLOT, UInt64.ONE)).isEmpty();
  }

  @Test
  void shouldDeleteValue() {
    put(b("0x01"), b("0xaa"));
    try (KvStoreTransaction tx = store.startTransaction()) {
      tx.delete(RAW, b("0x01"));
      tx.commit();
    }
    assertThat(store.get(RAW, b("0x01"))).isEmpty();
  }

  @Test
  void shouldApplyWritesInCallOrder() {
    try (KvStoreTransaction tx = store.startTransaction()) {
      tx.put(RAW, b("0x01"), b("0x01")).put(RAW, b("0x01"), b("0x02"));
      tx.put(RAW, b("0x02"), b("0x02")).delete(RAW, b("0x02"));
      tx.commit();
    }
    assertThat(store.get(RAW, b("0x01"))).contains(b("0x02"));
    assertThat(store.get(RAW, b("0x02"))).isEmpty();
  }

  @Test
  void shouldKeepColumnsApart() {
    try (KvStoreTransaction tx = store.startTransaction()) {
      tx.put(RAW, Bytes.wrap(Codecs.UINT64.encode(UInt64.ONE)), b("0xaa"));
      tx.commit();
    }
    assertThat(store.get(BY_SLOT, UInt64.ONE)).isEmpty();
  }

  @Test
  void shouldRoundTripEveryCodec() {
    try (KvStoreTransaction tx = store.startTransaction()) {
      tx.put(BY_SLOT, UInt64.MAX_VALUE, "héllo ✓");
      tx.put(LONGS, -5L, Long.MIN_VALUE);
      tx.commit();
    }
    assertThat(store.get(BY_SLOT, UInt64.MAX_VALUE)).contains("héllo ✓");
    assertThat(store.get(LONGS, -5L)).contains(Long.MIN_VALUE);
  }

  @Test
  void shouldStreamInUnsignedByteOrder() {
    for (String k : List.of("0xff", "0x01", "0x80", "0x00ff", "0x0100")) {
      put(b(k), b("0x00"));
    }
    assertThat(keys(store.stream(RAW)))
        .containsExactly(b("0x00ff"), b("0x01"), b("0x0100"), b("0x80"), b("0xff"));
  }

  @Test
  void shouldStreamByPrefix() {
    for (String k : List.of("0x01", "0x0100", "0x01ff", "0x02", "0x00ff")) {
      put(b(k), b(k));
    }
    try (Stream<ColumnEntry<Bytes, Bytes>> s = store.streamByPrefix(RAW, b("0x01"))) {
      assertThat(s.toList())
          .containsExactly(
              new ColumnEntry<>(b("0x01"), b("0x01")),
              new ColumnEntry<>(b("0x0100"), b("0x0100")),
              new ColumnEntry<>(b("0x01ff"), b("0x01ff")));
    }
    assertThat(keys(store.streamByPrefix(RAW, Bytes.EMPTY))).hasSize(5);
    assertThat(keys(store.streamByPrefix(RAW, b("0x03")))).isEmpty();
  }

  @Test
  void shouldStreamByPrefixAtEndOfKeySpace() {
    for (String k : List.of("0xfe", "0xfeff", "0xff", "0xff00", "0xffff", "0xffffff")) {
      put(b(k), b("0x00"));
    }
    assertThat(keys(store.streamByPrefix(RAW, b("0xff"))))
        .containsExactly(b("0xff"), b("0xff00"), b("0xffff"), b("0xffffff"));
    assertThat(keys(store.streamByPrefix(RAW, b("0xffff"))))
        .containsExactly(b("0xffff"), b("0xffffff"));
  }

  @Test
  void shouldStreamRangeByNumericSlotOrder() {
    try (KvStoreTransaction tx = store.startTransaction()) {
      for (long slot : new long[] {0, 1, 2, 255, 256, 1000}) {
        tx.put(BY_SLOT, UInt64.valueOf(slot), "s" + slot);
      }
      tx.put(BY_SLOT, UInt64.MAX_VALUE, "max");
      tx.commit();
    }
    try (Stream<ColumnEntry<UInt64, String>> s =
        store.streamRange(BY_SLOT, UInt64.ONE, UInt64.valueOf(1000))) {
      assertThat(s.map(ColumnEntry::value).toList()).containsExactly("s1", "s2", "s255", "s256");
    }
    assertThat(keys(store.streamRange(BY_SLOT, UInt64.valueOf(1000), UInt64.MAX_VALUE)))
        .containsExactly(UInt64.valueOf(1000));
  }

  @Test
  void shouldReturnNothingForEmptyOrInvertedRange() {
    put(b("0x05"), b("0x00"));
    assertThat(keys(store.streamRange(RAW, b("0x05"), b("0x05")))).isEmpty();
    assertThat(keys(store.streamRange(RAW, b("0x06"), b("0x01")))).isEmpty();
  }

  @Test
  void shouldOrderNegativeLongsFirst() {
    try (KvStoreTransaction tx = store.startTransaction()) {
      for (long v : new long[] {5, -1, 0, Long.MAX_VALUE, Long.MIN_VALUE}) {
        tx.put(LONGS, v, v);
      }
      tx.commit();
    }
    assertThat(keys(store.stream(LONGS)))
        .containsExactly(Long.MIN_VALUE, -1L, 0L, 5L, Long.MAX_VALUE);
  }

  @Test
  void shouldHideWritesUntilCommit() {
    try (KvStoreTransaction tx = store.startTransaction()) {
      tx.put(RAW, b("0x01"), b("0xaa"));
      tx.put(NAME, "pending");
      assertThat(store.get(RAW, b("0x01"))).isEmpty();
      assertThat(store.get(NAME)).isEmpty();
      assertThat(keys(store.stream(RAW))).isEmpty();
      tx.commit();
    }
    assertThat(store.get(RAW, b("0x01"))).contains(b("0xaa"));
    assertThat(store.get(NAME)).contains("pending");
  }

  @Test
  void shouldDiscardWritesWhenClosedWithoutCommit() {
    try (KvStoreTransaction tx = store.startTransaction()) {
      tx.put(RAW, b("0x01"), b("0xaa"));
      tx.put(COUNTER, UInt64.ONE);
    }
    assertThat(store.get(RAW, b("0x01"))).isEmpty();
    assertThat(store.get(COUNTER)).isEmpty();
  }

  @Test
  void shouldRejectUseOfTransactionAfterCommitOrClose() {
    KvStoreTransaction tx = store.startTransaction();
    tx.put(RAW, b("0x01"), b("0xaa"));
    tx.commit();
    assertThatThrownBy(() -> tx.put(RAW, b("0x02"), b("0xbb")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("committed");
    assertThatThrownBy(tx::commit).isInstanceOf(IllegalStateException.class);
    tx.close();
    tx.close();
    assertThatThrownBy(() -> tx.put(RAW, b("0x02"), b("0xbb")))
        .isInstanceOf(StoreClosedException.class);
    assertThat(store.get(RAW, b("0x02"))).isEmpty();
  }

  @Test
  void shouldGetPutAndDeleteVariables() {
    assertThat(store.get(NAME)).isEmpty();
    try (KvStoreTransaction tx = store.startTransaction()) {
      tx.put(NAME, "first").put(COUNTER, UInt64.valueOf(7));
      tx.commit();
    }
    assertThat(store.get(NAME)).contains("first");
    assertThat(store.get(COUNTER)).contains(UInt64.valueOf(7));
    try (KvStoreTransaction tx = store.startTransaction()) {
      tx.put(NAME, "second").delete(COUNTER);
      tx.commit();
    }
    assertThat(store.get(NAME)).contains("second");
    assertThat(store.get(COUNTER)).isEmpty();
  }

  @Test
  void shouldRecordSchemaVersionOnOpen() {
    assertThat(store.get(Schema.SCHEMA_VERSION)).contains(UInt64.ONE);
    assertThat(store.schema()).isSameAs(TestSchema.SCHEMA);
  }

  @Test
  void shouldRejectUndeclaredColumnsAndNullArguments() {
    Column<Bytes, Bytes> stranger = Column.of(99, "STRANGER", Codecs.BYTES, Codecs.BYTES);
    Column<Bytes, Bytes> impostor = Column.of(RAW.id(), "IMPOSTOR", Codecs.BYTES, Codecs.BYTES);
    Variable<String> strangerVar = Variable.of(99, "STRANGER", Codecs.STRING);
    assertThatThrownBy(() -> store.get(stranger, b("0x01")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("STRANGER");
    assertThatThrownBy(() -> store.get(impostor, b("0x01")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.get(strangerVar)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.stream(stranger)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.get(RAW, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key");
    try (KvStoreTransaction tx = store.startTransaction()) {
      assertThatThrownBy(() -> tx.put(stranger, b("0x01"), b("0x01")))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> tx.put(RAW, b("0x01"), null))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void shouldIsolateSnapshotFromLaterWrites() {
    put(b("0x01"), b("0x01"));
    put(b("0x02"), b("0x02"));
    try (KvStoreSnapshot snapshot = store.snapshot()) {
      try (KvStoreTransaction tx = store.startTransaction()) {
        tx.put(RAW, b("0x01"), b("0xff")).delete(RAW, b("0x02")).put(RAW, b("0x03"), b("0x03"));
        tx.put(NAME, "later");
        tx.commit();
      }
      assertThat(snapshot.get(RAW, b("0x01"))).contains(b("0x01"));
      assertThat(snapshot.get(RAW, b("0x02"))).contains(b("0x02"));
      assertThat(snapshot.get(RAW, b("0x03"))).isEmpty();
      assertThat(snapshot.get(NAME)).isEmpty();
      assertThat(keys(snapshot.stream(RAW))).containsExactly(b("0x01"), b("0x02"));
      assertThat(store.get(RAW, b("0x01"))).contains(b("0xff"));
      assertThat(keys(store.stream(RAW))).containsExactly(b("0x01"), b("0x03"));
    }
  }

  @Test
  void shouldKeepOpenStreamOnTheViewFromItsCreation() {
    put(b("0x01"), b("0x01"));
    put(b("0x03"), b("0x03"));
    try (Stream<ColumnEntry<Bytes, Bytes>> s = store.stream(RAW)) {
      put(b("0x02"), b("0x02"));
      assertThat(s.map(ColumnEntry::key).toList()).containsExactly(b("0x01"), b("0x03"));
    }
  }

  @Test
  void shouldFailClearlyAfterSnapshotClose() {
    put(b("0x01"), b("0x01"));
    put(b("0x02"), b("0x02"));
    KvStoreSnapshot snapshot = store.snapshot();
    Stream<ColumnEntry<Bytes, Bytes>> open = snapshot.stream(RAW);
    var iterator = open.iterator();
    assertThat(iterator.next().key()).isEqualTo(b("0x01"));
    snapshot.close();
    snapshot.close();
    assertThatThrownBy(iterator::next).isInstanceOf(StoreClosedException.class);
    assertThatThrownBy(() -> snapshot.get(RAW, b("0x01"))).isInstanceOf(StoreClosedException.class);
    open.close();
    assertThat(store.get(RAW, b("0x01"))).contains(b("0x01"));
  }

  @Test
  void shouldFailClearlyAfterStoreClose() {
    put(b("0x01"), b("0x01"));
    put(b("0x02"), b("0x02"));
    Stream<ColumnEntry<Bytes, Bytes>> open = store.stream(RAW);
    var iterator = open.iterator();
    assertThat(iterator.next().key()).isEqualTo(b("0x01"));
    KvStoreSnapshot snapshot = store.snapshot();
    KvStoreTransaction tx = store.startTransaction();
    tx.put(RAW, b("0x09"), b("0x09"));

    store.close();
    store.close();

    assertThatThrownBy(() -> store.get(RAW, b("0x01")))
        .isInstanceOf(StoreClosedException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> store.get(NAME)).isInstanceOf(StoreClosedException.class);
    assertThatThrownBy(() -> store.stream(RAW)).isInstanceOf(StoreClosedException.class);
    assertThatThrownBy(store::startTransaction).isInstanceOf(StoreClosedException.class);
    assertThatThrownBy(store::snapshot).isInstanceOf(StoreClosedException.class);
    assertThatThrownBy(iterator::next).isInstanceOf(StoreClosedException.class);
    assertThatThrownBy(() -> snapshot.get(RAW, b("0x01"))).isInstanceOf(StoreClosedException.class);
    assertThatThrownBy(tx::commit).isInstanceOf(StoreClosedException.class);
    // Closing leftovers after the store is a no-op, not a crash.
    open.close();
    snapshot.close();
    tx.close();
  }

  @Test
  void shouldGiveConcurrentReadersAtomicViewsWhileOneThreadWrites() throws Exception {
    int commits = 200;
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    Thread writer =
        new Thread(
            () -> {
              try {
                for (int i = 1; i <= commits; i++) {
                  try (KvStoreTransaction tx = store.startTransaction()) {
                    tx.put(BY_SLOT, UInt64.valueOf(i), "v" + i);
                    tx.put(COUNTER, UInt64.valueOf(i));
                    tx.commit();
                  }
                }
              } catch (Throwable t) {
                failures.add(t);
              }
            });
    List<Thread> readers = new ArrayList<>();
    for (int r = 0; r < 3; r++) {
      readers.add(
          new Thread(
              () -> {
                try {
                  long seen = 0;
                  boolean last = false;
                  while (!last) {
                    // One more read after the writer ends, so a failed writer cannot hang us.
                    last = !writer.isAlive();
                    try (KvStoreSnapshot snapshot = store.snapshot()) {
                      long counter = snapshot.get(COUNTER).map(UInt64::longValue).orElse(0L);
                      // The counter and the entries were written together: a snapshot sees
                      // exactly entries 1..counter, never a torn commit.
                      List<UInt64> keys = keys(snapshot.stream(BY_SLOT));
                      if (keys.size() != counter) {
                        throw new AssertionError(keys.size() + " entries but counter " + counter);
                      }
                      if (counter < seen) {
                        throw new AssertionError("counter went back from " + seen);
                      }
                      seen = counter;
                    }
                  }
                } catch (Throwable t) {
                  failures.add(t);
                }
              }));
    }
    writer.start();
    readers.forEach(Thread::start);
    writer.join();
    for (Thread reader : readers) {
      reader.join();
    }
    assertThat(failures).isEmpty();
    assertThat(store.get(COUNTER)).contains(UInt64.valueOf(commits));
  }
}
