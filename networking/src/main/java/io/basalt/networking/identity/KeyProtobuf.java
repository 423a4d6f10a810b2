package io.basalt.networking.identity;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;

/**
 * The {@code PublicKey} / {@code PrivateKey} protobuf of the peer-ids spec: {@code required KeyType
 * Type = 1; required bytes Data = 2;}.
 *
 * <p>Encoding is deterministic (field 1, then field 2, nothing else) as the spec requires, because
 * peer ids hash these bytes. Decoding accepts the fields in any order and skips unknown fields as
 * protobuf parsers do, but both fields must be present.
 */
public record KeyProtobuf(KeyType type, byte[] data) {

  /** Larger than any key Basalt parses (an RSA-4096 key is ~550 bytes); bounds allocations. */
  static final int MAX_DATA_LENGTH = 8192;

  public byte[] encode() {
    int size = CodedOutputStream.computeEnumSize(1, type.number()) + dataFieldSize();
    byte[] out = new byte[size];
    CodedOutputStream stream = CodedOutputStream.newInstance(out);
    try {
      stream.writeEnum(1, type.number());
      stream.writeByteArray(2, data);
      stream.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new IllegalStateException("Encoding into a sized array cannot fail", e);
    }
    return out;
  }

  private int dataFieldSize() {
    return CodedOutputStream.computeByteArraySize(2, data);
  }

  /**
   * Parses the protobuf.
   *
   * @throws KeyFormatException if it is malformed, misses a field or names an unknown key type
   */
  public static KeyProtobuf decode(byte[] encoded) {
    if (encoded.length > MAX_DATA_LENGTH + 16) {
      throw new KeyFormatException("Key protobuf of " + encoded.length + " bytes is too large");
    }
    CodedInputStream in = CodedInputStream.newInstance(encoded);
    Integer type = null;
    byte[] data = null;
    try {
      while (true) {
        int tag = in.readTag();
        if (tag == 0) {
          break;
        }
        if (tag == tag(1, WireFormat.WIRETYPE_VARINT)) {
          type = in.readEnum();
        } else if (tag == tag(2, WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
          data = in.readByteArray();
        } else if (!in.skipField(tag)) {
          throw new KeyFormatException("Key protobuf has an end-group tag");
        }
      }
    } catch (IOException e) {
      throw new KeyFormatException("Malformed key protobuf: " + e.getMessage(), e);
    }
    if (type == null || data == null) {
      throw new KeyFormatException("Key protobuf lacks its " + (type == null ? "Type" : "Data"));
    }
    return new KeyProtobuf(KeyType.fromNumber(type), data);
  }

  private static int tag(int field, int wireType) {
    return field << 3 | wireType;
  }
}
