package io.basalt.storage;

import io.basalt.storage.codec.Codec;
import java.util.Objects;

/**
 * A single typed value (head root, finalized checkpoint, ...). Variables live together in one table
 * keyed by their {@code id}, which is stable, unique among the variables of a {@link Schema} and
 * never reused. Id 0 is reserved for {@link Schema#SCHEMA_VERSION}.
 */
public record Variable<V>(int id, String name, Codec<V> codec) {

  public Variable {
    if (id < Column.MIN_ID || id > Column.MAX_ID) {
      throw new IllegalArgumentException("Variable id must be in 0..255, was " + id);
    }
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(codec, "codec");
  }

  public static <V> Variable<V> of(int id, String name, Codec<V> codec) {
    return new Variable<>(id, name, codec);
  }

  @Override
  public String toString() {
    return name + "#" + id;
  }
}
