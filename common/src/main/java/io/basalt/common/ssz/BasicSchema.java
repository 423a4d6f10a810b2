package io.basalt.common.ssz;

import io.basalt.common.ssz.tree.LeafNode;
import io.basalt.common.ssz.tree.Node;
import java.util.function.Function;

/**
 * A basic SSZ type (uintN or boolean): fixed size, little-endian, packed several to a chunk when in
 * vectors and lists.
 */
public final class BasicSchema<T> implements SszSchema<T> {

  /** Writes a value's {@code byteSize} bytes into a buffer at an offset. */
  @FunctionalInterface
  public interface Writer<T> {
    void write(T value, byte[] dest, int offset);
  }

  /** Reads a value from a buffer at an offset; throws {@link SszDecodingException} if invalid. */
  @FunctionalInterface
  public interface Reader<T> {
    T read(byte[] src, int offset);
  }

  private final String name;
  private final int byteSize;
  private final Writer<T> writer;
  private final Reader<T> reader;

  BasicSchema(String name, int byteSize, Writer<T> writer, Reader<T> reader) {
    this.name = name;
    this.byteSize = byteSize;
    this.writer = writer;
    this.reader = reader;
  }

  /**
   * The same SSZ type with values seen as another Java type, e.g. uint64 as {@code Slot}: encoding,
   * packing and hashing are unchanged.
   */
  public <U> BasicSchema<U> map(String name, Function<T, U> to, Function<U, T> from) {
    return new BasicSchema<>(
        name,
        byteSize,
        (value, dest, offset) -> writer.write(from.apply(value), dest, offset),
        (src, offset) -> to.apply(reader.read(src, offset)));
  }

  /** Encoded size in bytes (1 for boolean, N/8 for uintN). */
  public int byteSize() {
    return byteSize;
  }

  /** Writes {@code value} into {@code dest} at {@code offset}. */
  public void write(T value, byte[] dest, int offset) {
    writer.write(value, dest, offset);
  }

  /** Reads a value from {@code src} at {@code offset}. */
  public T read(byte[] src, int offset) {
    return reader.read(src, offset);
  }

  @Override
  public boolean isFixedSize() {
    return true;
  }

  @Override
  public int fixedSize() {
    return byteSize;
  }

  @Override
  public void encode(T value, SszWriter out) {
    byte[] buf = new byte[byteSize];
    writer.write(value, buf, 0);
    out.write(buf);
  }

  @Override
  public T decode(byte[] data, int offset, int length) {
    if (length != byteSize) {
      throw new SszDecodingException(name + " needs exactly " + byteSize + " bytes, got " + length);
    }
    return reader.read(data, offset);
  }

  @Override
  public Node toTree(T value) {
    byte[] chunk = new byte[32];
    writer.write(value, chunk, 0);
    return LeafNode.of(chunk);
  }

  @Override
  public T fromTree(Node node) {
    return reader.read(node.hashBytes(), 0);
  }

  @Override
  public String toString() {
    return name;
  }
}
