package io.basalt.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.common.types.Address;
import java.math.BigInteger;
import java.util.Locale;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The parameter forms of the Ethereum JSON-RPC specification, parsed strictly: QUANTITY is {@code
 * 0x} with no leading zeros, DATA is {@code 0x} with an even number of hex digits, a block is a
 * tag, a QUANTITY or an EIP-1898 object.
 */
public final class ParamTypes {

  private static final BigInteger MAX_UINT256 =
      BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  private ParamTypes() {}

  /** A QUANTITY up to 256 bits. */
  public static final ParamType<BigInteger> QUANTITY = ParamTypes::quantity;

  /** A QUANTITY that fits a non-negative {@code long} (block numbers, counts, indices). */
  public static final ParamType<Long> LONG_QUANTITY =
      node -> {
        BigInteger value = quantity(node);
        if (value.bitLength() > 63) {
          throw new IllegalArgumentException("hex number > 64 bits");
        }
        return value.longValue();
      };

  /** DATA of any length. */
  public static final ParamType<Bytes> DATA = ParamTypes::data;

  /** DATA of exactly 32 bytes (block and transaction hashes, storage slots). */
  public static final ParamType<Bytes32> HASH =
      node -> {
        Bytes bytes = data(node);
        if (bytes.size() != 32) {
          throw new IllegalArgumentException(
              "hex string has length " + bytes.size() * 2 + ", want 64");
        }
        return Bytes32.wrap(bytes);
      };

  /** A 20-byte address (checksum not enforced, as most clients). */
  public static final ParamType<Address> ADDRESS =
      node -> {
        Bytes bytes = data(node);
        if (bytes.size() != Address.SIZE) {
          throw new IllegalArgumentException(
              "hex string has length " + bytes.size() * 2 + ", want 40 for address");
        }
        return new Address(bytes);
      };

  public static final ParamType<Boolean> BOOLEAN =
      node -> {
        if (!node.isBoolean()) {
          throw new IllegalArgumentException("cannot unmarshal " + kind(node) + " into bool");
        }
        return node.booleanValue();
      };

  public static final ParamType<String> STRING =
      node -> {
        if (!node.isTextual()) {
          throw new IllegalArgumentException("cannot unmarshal " + kind(node) + " into string");
        }
        return node.textValue();
      };

  /** A JSON object, left for the method to read (call objects, filters). */
  public static final ParamType<JsonNode> OBJECT =
      node -> {
        if (!node.isObject()) {
          throw new IllegalArgumentException("cannot unmarshal " + kind(node) + " into object");
        }
        return node;
      };

  /** A JSON array, left for the method to read (storage keys). */
  public static final ParamType<JsonNode> ARRAY =
      node -> {
        if (!node.isArray()) {
          throw new IllegalArgumentException("cannot unmarshal " + kind(node) + " into array");
        }
        return node;
      };

  /**
   * A block: {@code latest}, {@code earliest}, {@code pending}, {@code safe}, {@code finalized}, a
   * QUANTITY, or an EIP-1898 object {@code {blockNumber}} / {@code {blockHash, requireCanonical}}.
   */
  public static final ParamType<BlockParameter> BLOCK =
      node -> {
        if (node.isObject()) {
          JsonNode hash = node.get("blockHash");
          JsonNode number = node.get("blockNumber");
          if ((hash == null) == (number == null)) {
            throw new IllegalArgumentException("want exactly one of blockHash and blockNumber");
          }
          if (number != null) {
            return new BlockParameter.Number(LONG_QUANTITY.parse(number));
          }
          JsonNode canonical = node.get("requireCanonical");
          return new BlockParameter.Hash(
              HASH.parse(hash), canonical != null && BOOLEAN.parse(canonical));
        }
        if (!node.isTextual()) {
          throw new IllegalArgumentException("cannot unmarshal " + kind(node) + " into block");
        }
        String text = node.textValue();
        return switch (text) {
          case "latest" -> BlockParameter.LATEST;
          case "earliest" -> new BlockParameter.Named(BlockParameter.Tag.EARLIEST);
          case "pending" -> new BlockParameter.Named(BlockParameter.Tag.PENDING);
          case "safe" -> new BlockParameter.Named(BlockParameter.Tag.SAFE);
          case "finalized" -> new BlockParameter.Named(BlockParameter.Tag.FINALIZED);
          default -> new BlockParameter.Number(LONG_QUANTITY.parse(node));
        };
      };

  private static BigInteger quantity(JsonNode node) {
    String hex = hexDigits(node);
    if (hex.isEmpty()) {
      throw new IllegalArgumentException("hex string \"0x\"");
    }
    if (hex.length() > 1 && hex.charAt(0) == '0') {
      throw new IllegalArgumentException("hex number with leading zero digits");
    }
    BigInteger value = new BigInteger(hex, 16);
    if (value.compareTo(MAX_UINT256) > 0) {
      throw new IllegalArgumentException("hex number > 256 bits");
    }
    return value;
  }

  private static Bytes data(JsonNode node) {
    String hex = hexDigits(node);
    if (hex.length() % 2 != 0) {
      throw new IllegalArgumentException("hex string of odd length");
    }
    return Bytes.fromHexString(hex);
  }

  private static String hexDigits(JsonNode node) {
    if (!node.isTextual()) {
      throw new IllegalArgumentException("cannot unmarshal " + kind(node) + " into hex string");
    }
    String text = node.textValue();
    if (!text.startsWith("0x") && !text.startsWith("0X")) {
      throw new IllegalArgumentException("hex string without 0x prefix");
    }
    String digits = text.substring(2);
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), 16) < 0) {
        throw new IllegalArgumentException("invalid hex string");
      }
    }
    return digits.toLowerCase(Locale.ROOT);
  }

  private static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case NUMBER -> "number";
      case BOOLEAN -> "bool";
      case ARRAY -> "array";
      case OBJECT -> "object";
      case STRING -> "string";
      default -> "non-string";
    };
  }
}
