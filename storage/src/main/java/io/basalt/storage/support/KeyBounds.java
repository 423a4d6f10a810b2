package io.basalt.storage.support;

import java.util.Arrays;

/**
 * Which raw keys an iteration covers: start at {@link #seek()} and stop at the first key for which
 * {@link #contains} is false. Keys compare as unsigned bytes, as RocksDB's default comparator does.
 */
public final class KeyBounds {

  private static final byte[] EMPTY = new byte[0];

  private final byte[] seek;
  private final byte[] prefix;
  private final byte[] endExclusive;

  private KeyBounds(byte[] seek, byte[] prefix, byte[] endExclusive) {
    this.seek = seek;
    this.prefix = prefix;
    this.endExclusive = endExclusive;
  }

  public static KeyBounds all() {
    return new KeyBounds(EMPTY, EMPTY, null);
  }

  /**
   * Keys starting with {@code prefix}. Checked by comparing bytes rather than computing an upper
   * bound, so a prefix of all {@code 0xff} needs no special case.
   */
  public static KeyBounds prefix(byte[] prefix) {
    return new KeyBounds(prefix.clone(), prefix.clone(), null);
  }

  /** Keys in {@code [from, to)}. */
  public static KeyBounds range(byte[] from, byte[] toExclusive) {
    return new KeyBounds(from.clone(), EMPTY, toExclusive.clone());
  }

  public byte[] seek() {
    return seek;
  }

  /** Whether the range is empty whatever the data (e.g. {@code from >= to}). */
  public boolean isEmpty() {
    return endExclusive != null && Arrays.compareUnsigned(seek, endExclusive) >= 0;
  }

  /** Whether {@code key}, reached by iterating forward from {@link #seek()}, is still inside. */
  public boolean contains(byte[] key) {
    if (key.length < prefix.length
        || Arrays.compareUnsigned(key, 0, prefix.length, prefix, 0, prefix.length) != 0) {
      return false;
    }
    return endExclusive == null || Arrays.compareUnsigned(key, endExclusive) < 0;
  }
}
