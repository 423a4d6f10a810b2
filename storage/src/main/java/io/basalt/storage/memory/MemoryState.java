package io.basalt.storage.memory;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One immutable version of the in-memory database: a sorted map of raw keys per table. A commit
 * builds a new version, copying only the tables it touches, so readers holding an older version
 * (snapshots, open streams) are never disturbed.
 */
record MemoryState(Map<Integer, NavigableMap<byte[], byte[]>> tables) {

  static final MemoryState EMPTY = new MemoryState(Map.of());

  // Raw keys compare as unsigned bytes, like RocksDB's default comparator.
  private static final NavigableMap<byte[], byte[]> EMPTY_TABLE =
      Collections.unmodifiableNavigableMap(new TreeMap<>(Arrays::compareUnsigned));

  /** A write to apply; {@code value == null} deletes. */
  record Write(int table, byte[] key, byte[] value) {}

  NavigableMap<byte[], byte[]> table(int table) {
    NavigableMap<byte[], byte[]> t = tables.get(table);
    return t == null ? EMPTY_TABLE : t;
  }

  MemoryState apply(List<Write> writes) {
    Map<Integer, NavigableMap<byte[], byte[]>> next = new HashMap<>(tables);
    Map<Integer, TreeMap<byte[], byte[]>> copies = new HashMap<>();
    for (Write w : writes) {
      TreeMap<byte[], byte[]> t =
          copies.computeIfAbsent(
              w.table(),
              id -> {
                TreeMap<byte[], byte[]> copy = new TreeMap<>(Arrays::compareUnsigned);
                copy.putAll(table(id));
                return copy;
              });
      if (w.value() == null) {
        t.remove(w.key());
      } else {
        t.put(w.key(), w.value());
      }
    }
    copies.forEach((id, t) -> next.put(id, Collections.unmodifiableNavigableMap(t)));
    return new MemoryState(Map.copyOf(next));
  }
}
