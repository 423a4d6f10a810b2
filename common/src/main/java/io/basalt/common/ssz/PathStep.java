package io.basalt.common.ssz;

/**
 * One step of a path into a composite type: the chunk position of the element in the data tree, and
 * the element's schema ({@code null} for basic elements, which end a path).
 */
public record PathStep(long chunkIndex, SszSchema<?> schema) {

  /** Reads a path element as an index below {@code bound}, or fails naming {@code type}. */
  static long index(Object pathElement, long bound, Object type) {
    if (!(pathElement instanceof Number n)) {
      throw new IllegalArgumentException(type + " is addressed by index, got " + pathElement);
    }
    long index = n.longValue();
    if (index < 0 || index >= bound) {
      throw new IllegalArgumentException("Index " + index + " out of range for " + type);
    }
    return index;
  }
}
