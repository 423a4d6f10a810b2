package io.basalt.execution.abi;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses type names ({@code uint32}, {@code bytes[]}, {@code (uint256,bytes)[2]}) into {@link
 * AbiType}.
 */
public final class AbiTypes {

  public static final AbiType UINT256 = new AbiType.UInt(256);
  public static final AbiType UINT64 = new AbiType.UInt(64);
  public static final AbiType UINT32 = new AbiType.UInt(32);
  public static final AbiType ADDRESS = new AbiType.AddressType();
  public static final AbiType BOOL = new AbiType.Bool();
  public static final AbiType BYTES = new AbiType.DynamicBytes();
  public static final AbiType STRING = new AbiType.Str();

  private AbiTypes() {}

  /**
   * Parses one type. {@code uint} and {@code int} alone mean 256 bits, as in Solidity signatures'
   * canonical form.
   *
   * @throws IllegalArgumentException for an unknown or malformed type
   */
  public static AbiType parse(String text) {
    String s = text.strip();
    if (s.endsWith("]")) {
      int open = s.lastIndexOf('[');
      if (open <= 0) {
        throw new IllegalArgumentException("malformed array type: " + text);
      }
      AbiType element = parse(s.substring(0, open));
      String size = s.substring(open + 1, s.length() - 1);
      return size.isEmpty()
          ? new AbiType.Array(element)
          : new AbiType.FixedArray(element, parseNumber(size, text));
    }
    if (s.startsWith("(") && s.endsWith(")")) {
      return new AbiType.Tuple(parseList(s.substring(1, s.length() - 1)));
    }
    return switch (s) {
      case "address" -> ADDRESS;
      case "bool" -> BOOL;
      case "bytes" -> BYTES;
      case "string" -> STRING;
      case "uint" -> UINT256;
      case "int" -> new AbiType.Int(256);
      default -> parseSized(s, text);
    };
  }

  /** Parses a comma-separated list of types at the top level of a signature's parentheses. */
  public static List<AbiType> parseList(String text) {
    List<AbiType> types = new ArrayList<>();
    if (text.isBlank()) {
      return types;
    }
    for (String part : splitTopLevel(text)) {
      types.add(parse(part));
    }
    return types;
  }

  /** Splits on commas not inside parentheses. */
  static List<String> splitTopLevel(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
        if (depth < 0) {
          throw new IllegalArgumentException("unbalanced parentheses in " + text);
        }
      } else if (c == ',' && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    if (depth != 0) {
      throw new IllegalArgumentException("unbalanced parentheses in " + text);
    }
    parts.add(text.substring(start));
    return parts;
  }

  private static AbiType parseSized(String s, String original) {
    if (s.startsWith("uint")) {
      return new AbiType.UInt(parseNumber(s.substring(4), original));
    }
    if (s.startsWith("int")) {
      return new AbiType.Int(parseNumber(s.substring(3), original));
    }
    if (s.startsWith("bytes")) {
      return new AbiType.FixedBytes(parseNumber(s.substring(5), original));
    }
    throw new IllegalArgumentException("unknown ABI type: " + original);
  }

  private static int parseNumber(String digits, String original) {
    if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("malformed ABI type: " + original);
    }
    return Integer.parseInt(digits);
  }
}
