package io.basalt.execution.abi;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A Solidity ABI type. Java values: {@code uint<M>}/{@code int<M>} as {@link java.math.BigInteger},
 * {@code address} as {@link io.basalt.common.types.Address}, {@code bool} as {@link Boolean},
 * {@code bytes<M>} and {@code bytes} as Tuweni {@code Bytes}, {@code string} as {@link String},
 * arrays and tuples as {@link List}.
 */
public sealed interface AbiType {

  /** The canonical name used in signatures, e.g. {@code uint256}, {@code bytes[]}. */
  String name();

  /** Dynamic types are encoded in the tail, referenced by an offset in the head. */
  boolean isDynamic();

  /** Bytes this type takes in the head: 32 for dynamic types (the offset). */
  default int headSize() {
    return 32;
  }

  /** {@code uint<bits>}. */
  record UInt(int bits) implements AbiType {
    public UInt {
      checkBits(bits);
    }

    @Override
    public String name() {
      return "uint" + bits;
    }

    @Override
    public boolean isDynamic() {
      return false;
    }
  }

  /** {@code int<bits>}, two's complement. */
  record Int(int bits) implements AbiType {
    public Int {
      checkBits(bits);
    }

    @Override
    public String name() {
      return "int" + bits;
    }

    @Override
    public boolean isDynamic() {
      return false;
    }
  }

  /** {@code address}: 20 bytes, left-padded. */
  record AddressType() implements AbiType {
    @Override
    public String name() {
      return "address";
    }

    @Override
    public boolean isDynamic() {
      return false;
    }
  }

  /** {@code bool}: 0 or 1. */
  record Bool() implements AbiType {
    @Override
    public String name() {
      return "bool";
    }

    @Override
    public boolean isDynamic() {
      return false;
    }
  }

  /** {@code bytes<size>}, 1 to 32 bytes, right-padded. */
  record FixedBytes(int size) implements AbiType {
    public FixedBytes {
      if (size < 1 || size > 32) {
        throw new IllegalArgumentException("bytes<M> needs 1 <= M <= 32, got " + size);
      }
    }

    @Override
    public String name() {
      return "bytes" + size;
    }

    @Override
    public boolean isDynamic() {
      return false;
    }
  }

  /** {@code bytes}: length-prefixed, right-padded. */
  record DynamicBytes() implements AbiType {
    @Override
    public String name() {
      return "bytes";
    }

    @Override
    public boolean isDynamic() {
      return true;
    }
  }

  /** {@code string}: UTF-8 encoded like {@code bytes}. */
  record Str() implements AbiType {
    @Override
    public String name() {
      return "string";
    }

    @Override
    public boolean isDynamic() {
      return true;
    }
  }

  /** {@code T[]}. */
  record Array(AbiType element) implements AbiType {
    public Array {
      Objects.requireNonNull(element, "element");
    }

    @Override
    public String name() {
      return element.name() + "[]";
    }

    @Override
    public boolean isDynamic() {
      return true;
    }
  }

  /** {@code T[length]}. */
  record FixedArray(AbiType element, int length) implements AbiType {
    public FixedArray {
      Objects.requireNonNull(element, "element");
      if (length < 1) {
        throw new IllegalArgumentException("T[k] needs k >= 1, got " + length);
      }
    }

    @Override
    public String name() {
      return element.name() + "[" + length + "]";
    }

    @Override
    public boolean isDynamic() {
      return element.isDynamic();
    }

    @Override
    public int headSize() {
      return isDynamic() ? 32 : Math.multiplyExact(length, element.headSize());
    }
  }

  /** {@code (T1,T2,...)}. */
  record Tuple(List<AbiType> components) implements AbiType {
    public Tuple {
      components = List.copyOf(components);
    }

    @Override
    public String name() {
      return components.stream().map(AbiType::name).collect(Collectors.joining(",", "(", ")"));
    }

    @Override
    public boolean isDynamic() {
      return components.stream().anyMatch(AbiType::isDynamic);
    }

    @Override
    public int headSize() {
      return isDynamic() ? 32 : components.stream().mapToInt(AbiType::headSize).sum();
    }
  }

  private static void checkBits(int bits) {
    if (bits < 8 || bits > 256 || bits % 8 != 0) {
      throw new IllegalArgumentException("integer width must be 8..256 in steps of 8, got " + bits);
    }
  }
}
