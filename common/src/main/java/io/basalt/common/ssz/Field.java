package io.basalt.common.ssz;

import java.util.function.Function;

/**
 * A container field: its name, its SSZ type and how to read it from the container's Java value. The
 * getter ties the schema's Java type to the record component's, so a mismatch does not compile.
 */
public record Field<R, V>(String name, SszSchema<V> schema, Function<R, V> getter) {

  /** Shorthand for declaring fields: {@code field("slot", UINT64, BeaconBlock::slot)}. */
  public static <R, V> Field<R, V> field(String name, SszSchema<V> schema, Function<R, V> getter) {
    return new Field<>(name, schema, getter);
  }
}
