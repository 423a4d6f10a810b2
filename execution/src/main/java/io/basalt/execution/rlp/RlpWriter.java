package io.basalt.execution.rlp;

import io.basalt.common.types.UInt64;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.function.Consumer;
import org.apache.tuweni.bytes.Bytes;

/**
 * Builds the RLP encoding of a sequence of items. A writer is for one thread.
 *
 * <pre>{@code
 * Bytes account = RlpWriter.list(w -> {
 *   w.writeScalar(nonce);
 *   w.writeScalar(balance);
 *   w.writeBytes(storageRoot);
 *   w.writeBytes(codeHash);
 * });
 * }</pre>
 */
public final class RlpWriter {

  private byte[] buffer = new byte[64];
  private int size;

  /** The encoding of one list whose items {@code body} writes. */
  public static Bytes list(Consumer<RlpWriter> body) {
    RlpWriter writer = new RlpWriter();
    writer.writeList(body);
    return writer.encoded();
  }

  public RlpWriter writeBytes(Bytes bytes) {
    return writeBytes(bytes.toArrayUnsafe());
  }

  public RlpWriter writeBytes(byte[] bytes) {
    if (bytes.length == 1 && (bytes[0] & 0xff) < 0x80) {
      ensure(1);
      buffer[size++] = bytes[0];
      return this;
    }
    ensure(Rlp.headerSize(bytes.length) + bytes.length);
    size = Rlp.writeHeader(buffer, size, 0x80, bytes.length);
    System.arraycopy(bytes, 0, buffer, size, bytes.length);
    size += bytes.length;
    return this;
  }

  /**
   * @throws IllegalArgumentException if {@code value} is negative
   */
  public RlpWriter writeScalar(long value) {
    return writeBytes(Rlp.scalarBytes(value));
  }

  public RlpWriter writeScalar(UInt64 value) {
    return writeBytes(Rlp.unsignedScalarBytes(value.bits()));
  }

  /**
   * @throws IllegalArgumentException if {@code value} is negative
   */
  public RlpWriter writeScalar(BigInteger value) {
    return writeBytes(Rlp.scalarBytes(value));
  }

  /** Appends an item that is already RLP-encoded, unchanged. */
  public RlpWriter writeRaw(Bytes encodedItem) {
    ensure(encodedItem.size());
    System.arraycopy(encodedItem.toArrayUnsafe(), 0, buffer, size, encodedItem.size());
    size += encodedItem.size();
    return this;
  }

  /** Appends a list whose items {@code body} writes. */
  public RlpWriter writeList(Consumer<RlpWriter> body) {
    RlpWriter inner = new RlpWriter();
    body.accept(inner);
    ensure(Rlp.headerSize(inner.size) + inner.size);
    size = Rlp.writeHeader(buffer, size, 0xc0, inner.size);
    System.arraycopy(inner.buffer, 0, buffer, size, inner.size);
    size += inner.size;
    return this;
  }

  /** Everything written so far. */
  public Bytes encoded() {
    return Bytes.wrap(Arrays.copyOf(buffer, size));
  }

  private void ensure(int extra) {
    if (size + extra > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
    }
  }
}
