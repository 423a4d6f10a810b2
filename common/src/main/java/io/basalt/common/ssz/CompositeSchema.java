package io.basalt.common.ssz;

/**
 * A schema with addressable parts, for {@code get_generalized_index}: its tree is a data tree of
 * {@link #dataDepth()} levels, under a length mix-in for lists.
 */
public interface CompositeSchema {

  /** Whether the root is {@code mix_in_length(data, length)} (lists, ByteList, Bitlist). */
  boolean hasLengthMixIn();

  /** Depth of the data tree: {@code ceil(log2(chunk_count))}. */
  int dataDepth();

  /**
   * Where a path element (a field name for containers, an index for the others) lives: its chunk in
   * the data tree and, when it is composite, its schema.
   *
   * @throws IllegalArgumentException if the element does not exist in this type
   */
  PathStep step(Object pathElement);
}
