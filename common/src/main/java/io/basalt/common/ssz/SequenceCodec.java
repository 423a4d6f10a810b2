package io.basalt.common.ssz;

import java.util.ArrayList;
import java.util.List;

/**
 * Encoding of a sequence of values (container fields, vector or list elements): fixed-size parts in
 * order, with a 4-byte offset standing in for each variable-size part, then the variable-size
 * parts. Decoding checks every offset so that malformed input fails with {@link
 * SszDecodingException} rather than reading out of range.
 */
final class SequenceCodec {

  static final int OFFSET_SIZE = 4;

  private SequenceCodec() {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  static void encode(List<? extends SszSchema<?>> schemas, List<?> values, SszWriter out) {
    int start = out.position();
    int[] offsetPositions = new int[schemas.size()];
    for (int i = 0; i < schemas.size(); i++) {
      SszSchema schema = schemas.get(i);
      if (schema.isFixedSize()) {
        schema.encode(values.get(i), out);
      } else {
        offsetPositions[i] = out.reserveOffset();
      }
    }
    for (int i = 0; i < schemas.size(); i++) {
      SszSchema schema = schemas.get(i);
      if (!schema.isFixedSize()) {
        out.patchOffset(offsetPositions[i], out.position() - start);
        schema.encode(values.get(i), out);
      }
    }
  }

  /** Decodes one value per schema from exactly {@code length} bytes. */
  static List<Object> decode(
      List<? extends SszSchema<?>> schemas, byte[] data, int offset, int length, Object type) {
    long fixedPart = 0;
    for (SszSchema<?> schema : schemas) {
      fixedPart += schema.isFixedSize() ? schema.fixedSize() : OFFSET_SIZE;
    }
    if (length < fixedPart) {
      throw new SszDecodingException(
          type + " needs at least " + fixedPart + " bytes, got " + length);
    }
    List<Object> values = new ArrayList<>(schemas.size());
    int pos = 0;
    int previousVariable = -1;
    long previousOffset = -1;
    for (int i = 0; i < schemas.size(); i++) {
      SszSchema<?> schema = schemas.get(i);
      if (schema.isFixedSize()) {
        values.add(decodePart(schema, data, offset + pos, schema.fixedSize(), type, i));
        pos += schema.fixedSize();
      } else {
        long partOffset = readOffset(data, offset + pos);
        if (previousVariable < 0 && partOffset != fixedPart) {
          throw new SszDecodingException(
              type + ": first offset " + partOffset + " must equal fixed part size " + fixedPart);
        }
        checkOffset(partOffset, previousOffset, length, type);
        if (previousVariable >= 0) {
          values.set(previousVariable, new Range(previousOffset, partOffset));
        }
        values.add(null);
        previousVariable = i;
        previousOffset = partOffset;
        pos += OFFSET_SIZE;
      }
    }
    if (previousVariable < 0) {
      if (length != fixedPart) {
        throw new SszDecodingException(
            type + " needs exactly " + fixedPart + " bytes, got " + length);
      }
      return values;
    }
    values.set(previousVariable, new Range(previousOffset, length));
    for (int i = 0; i < schemas.size(); i++) {
      if (values.get(i) instanceof Range r && !schemas.get(i).isFixedSize()) {
        values.set(
            i,
            decodePart(
                schemas.get(i), data, offset + (int) r.from, (int) (r.to - r.from), type, i));
      }
    }
    return values;
  }

  /**
   * Decodes a list of variable-size elements whose count is given by the first offset, at most
   * {@code maxCount}.
   */
  static <T> List<T> decodeVariableElements(
      SszSchema<T> element, byte[] data, int offset, int length, long maxCount, Object type) {
    if (length == 0) {
      return List.of();
    }
    if (length < OFFSET_SIZE) {
      throw new SszDecodingException(type + ": " + length + " bytes cannot hold an offset");
    }
    long first = readOffset(data, offset);
    if (first % OFFSET_SIZE != 0 || first == 0 || first > length) {
      throw new SszDecodingException(type + ": invalid first offset " + first);
    }
    long count = first / OFFSET_SIZE;
    if (count > maxCount) {
      throw new SszDecodingException(
          type + " has " + count + " elements, more than its limit " + maxCount);
    }
    List<T> values = new ArrayList<>((int) count);
    long start = first;
    for (int i = 0; i < count; i++) {
      long end = i + 1 < count ? readOffset(data, offset + (i + 1) * OFFSET_SIZE) : length;
      checkOffset(end, start, length, type);
      values.add(decodePart(element, data, offset + (int) start, (int) (end - start), type, i));
      start = end;
    }
    return values;
  }

  private static void checkOffset(long offset, long previous, int length, Object type) {
    if (offset > length) {
      throw new SszDecodingException(
          type + ": offset " + offset + " beyond the end (" + length + " bytes)");
    }
    if (offset < previous) {
      throw new SszDecodingException(
          type + ": offset " + offset + " before the previous offset " + previous);
    }
  }

  private static <T> T decodePart(
      SszSchema<T> schema, byte[] data, int offset, int length, Object type, int index) {
    try {
      return schema.decode(data, offset, length);
    } catch (SszDecodingException e) {
      throw new SszDecodingException(type + "[" + index + "]: " + e.getMessage(), e);
    }
  }

  static long readOffset(byte[] data, int offset) {
    return SszTypes.readLong(data, offset, OFFSET_SIZE);
  }

  private record Range(long from, long to) {}
}
