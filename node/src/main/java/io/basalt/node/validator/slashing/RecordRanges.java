package io.basalt.node.validator.slashing;

import io.basalt.common.types.UInt64;
import io.basalt.storage.Column;
import io.basalt.storage.ColumnEntry;
import io.basalt.storage.KvStoreReader;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Range look-ups over one validator's records, keyed by a number (slot or epoch) through {@code
 * keyAt}. Only the range that can hold a conflict is read, which in normal operation (numbers
 * increasing) is empty, so checks stay cheap however long the history grows.
 */
final class RecordRanges {

  private RecordRanges() {}

  /** The first record with number {@code >= from} whose value passes {@code test}. */
  static <K, V> Optional<ColumnEntry<K, V>> firstAtOrAbove(
      KvStoreReader reader,
      Column<K, V> column,
      Function<UInt64, K> keyAt,
      UInt64 from,
      Predicate<V> test) {
    // streamRange is exclusive at the top, so the largest number is looked up on its own.
    try (Stream<ColumnEntry<K, V>> entries =
        reader.streamRange(column, keyAt.apply(from), keyAt.apply(UInt64.MAX_VALUE))) {
      Optional<ColumnEntry<K, V>> found = entries.filter(e -> test.test(e.value())).findFirst();
      if (found.isPresent()) {
        return found;
      }
    }
    K top = keyAt.apply(UInt64.MAX_VALUE);
    return reader.get(column, top).filter(test).map(value -> new ColumnEntry<>(top, value));
  }

  /** The first record with number {@code > after} whose value passes {@code test}. */
  static <K, V> Optional<ColumnEntry<K, V>> firstAbove(
      KvStoreReader reader,
      Column<K, V> column,
      Function<UInt64, K> keyAt,
      UInt64 after,
      Predicate<V> test) {
    if (after.equals(UInt64.MAX_VALUE)) {
      return Optional.empty();
    }
    return firstAtOrAbove(reader, column, keyAt, after.increment(), test);
  }

  /** The first record with {@code low < number < high} whose value passes {@code test}. */
  static <K, V> Optional<ColumnEntry<K, V>> firstBetween(
      KvStoreReader reader,
      Column<K, V> column,
      Function<UInt64, K> keyAt,
      UInt64 low,
      UInt64 high,
      Predicate<V> test) {
    if (!low.isLessThan(high)) {
      return Optional.empty();
    }
    try (Stream<ColumnEntry<K, V>> entries =
        reader.streamRange(column, keyAt.apply(low.increment()), keyAt.apply(high))) {
      return entries.filter(e -> test.test(e.value())).findFirst();
    }
  }
}
