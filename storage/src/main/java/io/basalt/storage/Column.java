package io.basalt.storage;

import io.basalt.storage.codec.Codec;
import java.util.Objects;

/**
 * A typed key-value table. The {@code id} is the column's identity on disk: it is stable, unique
 * among the columns of a {@link Schema}, and never reused for a different meaning once released.
 * The {@code name} is for humans (logs, docs, errors) and may change.
 *
 * <p>Entries iterate in the unsigned byte order of the encoded keys, so pick a key codec whose byte
 * order is the order callers want (see {@link io.basalt.storage.codec.Codecs}).
 */
public record Column<K, V>(int id, String name, Codec<K> keyCodec, Codec<V> valueCodec) {

  /** Lowest and highest allowed id: ids are one unsigned byte. */
  public static final int MIN_ID = 0;

  public static final int MAX_ID = 255;

  public Column {
    if (id < MIN_ID || id > MAX_ID) {
      throw new IllegalArgumentException("Column id must be in 0..255, was " + id);
    }
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keyCodec, "keyCodec");
    Objects.requireNonNull(valueCodec, "valueCodec");
  }

  public static <K, V> Column<K, V> of(
      int id, String name, Codec<K> keyCodec, Codec<V> valueCodec) {
    return new Column<>(id, name, keyCodec, valueCodec);
  }

  @Override
  public String toString() {
    return name + "#" + id;
  }
}
