package io.basalt.common.ssz;

import io.basalt.common.ssz.tree.Node;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * An SSZ type: how values of Java type {@code T} are serialized, deserialized and merkleized.
 *
 * <p>Schemas are immutable and thread-safe. Values are immutable too: numbers, {@link Bytes},
 * {@link Bits}, unmodifiable {@link java.util.List}s, records, or tree-backed views.
 *
 * @param <T> the Java type of the values
 */
public interface SszSchema<T> {

  /** Whether every value has the same encoded length. */
  boolean isFixedSize();

  /** The encoded length of every value; only for fixed-size types. */
  int fixedSize();

  /** Appends the encoding of {@code value}. */
  void encode(T value, SszWriter out);

  /**
   * Decodes exactly {@code length} bytes of {@code data} from {@code offset}; the range is known to
   * lie within {@code data}.
   *
   * @throws SszDecodingException if the bytes are not a valid encoding of this type
   */
  T decode(byte[] data, int offset, int length);

  /** The Merkle tree of {@code value}; its root hash is {@code hash_tree_root(value)}. */
  Node toTree(T value);

  /** The value held by a tree of this type. */
  T fromTree(Node node);

  /** The serialization of {@code value}. */
  default Bytes serialize(T value) {
    SszWriter out = new SszWriter(isFixedSize() ? fixedSize() : 64);
    encode(value, out);
    return Bytes.wrap(out.toByteArray());
  }

  /**
   * Deserializes a whole byte string; trailing or missing bytes are errors.
   *
   * @throws SszDecodingException if the bytes are not a valid encoding of this type
   */
  default T deserialize(Bytes bytes) {
    byte[] data = bytes.toArrayUnsafe();
    return decode(data, 0, data.length);
  }

  /** {@code hash_tree_root(value)}. */
  default Bytes32 hashTreeRoot(T value) {
    return toTree(value).hash();
  }
}
