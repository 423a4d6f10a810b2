package io.basalt.settlement.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.basalt.common.ssz.Bits;
import io.basalt.common.types.UInt64;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Reading and writing the JSON-RPC value forms: quantities as {@code 0x}-prefixed hex without
 * leading zeros, data as {@code 0x}-prefixed even-length hex, bitlists as the hex of their SSZ
 * encoding (with the length delimiter bit), as the rest of the JSON-RPC writes them.
 */
final class JsonFields {

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonFields() {}

  static String quantity(long unsigned) {
    return "0x" + Long.toUnsignedString(unsigned, 16);
  }

  static String quantity(BigInteger value) {
    return "0x" + value.toString(16);
  }

  static ArrayNode dataArray(List<? extends Bytes> items) {
    ArrayNode array = NODES.arrayNode();
    items.forEach(b -> array.add(b.toHexString()));
    return array;
  }

  static String bitlist(Bits bits) {
    byte[] out = new byte[bits.size() / 8 + 1];
    byte[] packed = bits.packed();
    System.arraycopy(packed, 0, out, 0, packed.length);
    out[bits.size() / 8] |= (byte) (1 << (bits.size() % 8));
    return Bytes.wrap(out).toHexString();
  }

  static JsonNode field(JsonNode object, String name) throws ProofFormatException {
    if (object == null || !object.isObject()) {
      throw new ProofFormatException("expected an object holding '" + name + "'");
    }
    JsonNode value = object.get(name);
    if (value == null || value.isNull()) {
      throw new ProofFormatException("missing field '" + name + "'");
    }
    return value;
  }

  static String text(JsonNode object, String name) throws ProofFormatException {
    JsonNode value = field(object, name);
    if (!value.isTextual()) {
      throw new ProofFormatException("'" + name + "' is not a string");
    }
    return value.asText();
  }

  static BigInteger bigQuantity(JsonNode object, String name) throws ProofFormatException {
    String s = text(object, name);
    if (!s.startsWith("0x") || s.length() < 3 || (s.length() > 3 && s.charAt(2) == '0')) {
      throw new ProofFormatException("'" + name + "' is not a hex quantity: " + s);
    }
    try {
      return new BigInteger(s.substring(2), 16);
    } catch (NumberFormatException e) {
      throw new ProofFormatException("'" + name + "' is not a hex quantity: " + s, e);
    }
  }

  static long uint64(JsonNode object, String name) throws ProofFormatException {
    BigInteger v = bigQuantity(object, name);
    if (v.bitLength() > 64) {
      throw new ProofFormatException("'" + name + "' does not fit in 64 bits");
    }
    return v.longValue();
  }

  static UInt64 typedUint64(JsonNode object, String name) throws ProofFormatException {
    return UInt64.fromBits(uint64(object, name));
  }

  static int smallInt(JsonNode object, String name) throws ProofFormatException {
    long v = uint64(object, name);
    if (v < 0 || v > Integer.MAX_VALUE) {
      throw new ProofFormatException("'" + name + "' is out of range: " + v);
    }
    return (int) v;
  }

  static Bytes data(JsonNode node, String name) throws ProofFormatException {
    if (node == null || !node.isTextual()) {
      throw new ProofFormatException("'" + name + "' is not a hex string");
    }
    String s = node.asText();
    if (!s.startsWith("0x") || s.length() % 2 != 0) {
      throw new ProofFormatException("'" + name + "' is not 0x-prefixed even-length hex");
    }
    try {
      return Bytes.fromHexString(s);
    } catch (IllegalArgumentException e) {
      throw new ProofFormatException("'" + name + "' is not hex: " + e.getMessage(), e);
    }
  }

  static Bytes data(JsonNode object, String name, int size) throws ProofFormatException {
    Bytes b = data(field(object, name), name);
    if (b.size() != size) {
      throw new ProofFormatException("'" + name + "' has " + b.size() + " bytes, not " + size);
    }
    return b;
  }

  static Bytes32 hash(JsonNode object, String name) throws ProofFormatException {
    return Bytes32.wrap(data(object, name, 32));
  }

  static boolean bool(JsonNode object, String name) throws ProofFormatException {
    JsonNode value = field(object, name);
    if (!value.isBoolean()) {
      throw new ProofFormatException("'" + name + "' is not a boolean");
    }
    return value.asBoolean();
  }

  static JsonNode array(JsonNode object, String name) throws ProofFormatException {
    JsonNode value = field(object, name);
    if (!value.isArray()) {
      throw new ProofFormatException("'" + name + "' is not an array");
    }
    return value;
  }

  static List<Bytes> dataList(JsonNode array, String name) throws ProofFormatException {
    if (array == null || !array.isArray()) {
      throw new ProofFormatException("'" + name + "' is not an array");
    }
    List<Bytes> out = new ArrayList<>(array.size());
    for (JsonNode item : array) {
      out.add(data(item, name + "[]"));
    }
    return out;
  }

  static List<Bytes32> hashList(JsonNode object, String name) throws ProofFormatException {
    List<Bytes32> out = new ArrayList<>();
    for (Bytes b : dataList(array(object, name), name)) {
      if (b.size() != 32) {
        throw new ProofFormatException("an item of '" + name + "' is not 32 bytes");
      }
      out.add(Bytes32.wrap(b));
    }
    return out;
  }

  static Bits bitlist(JsonNode object, String name) throws ProofFormatException {
    Bytes b = data(field(object, name), name);
    if (b.isEmpty() || b.get(b.size() - 1) == 0) {
      throw new ProofFormatException("'" + name + "' has no length delimiter bit");
    }
    int last = b.get(b.size() - 1) & 0xff;
    int size = (b.size() - 1) * 8 + (31 - Integer.numberOfLeadingZeros(last));
    byte[] packed = b.toArray();
    packed[b.size() - 1] = (byte) (last & ~(1 << (size % 8)));
    byte[] trimmed = new byte[(size + 7) / 8];
    System.arraycopy(packed, 0, trimmed, 0, trimmed.length);
    try {
      return Bits.fromPacked(size, trimmed);
    } catch (IllegalArgumentException e) {
      throw new ProofFormatException("'" + name + "': " + e.getMessage(), e);
    }
  }
}
