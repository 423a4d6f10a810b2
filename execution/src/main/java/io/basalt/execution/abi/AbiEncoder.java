package io.basalt.execution.abi;

import io.basalt.common.types.Address;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Encodes Java values as the Solidity ABI does: a head of 32-byte words (static values in place,
 * offsets for dynamic ones) followed by the tails of the dynamic values. Integers may be given as
 * {@link BigInteger}, {@link Long} or {@link Integer}.
 */
public final class AbiEncoder {

  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

  private AbiEncoder() {}

  /** Encodes {@code values} as the tuple of {@code types} (function arguments, return data). */
  public static Bytes encode(List<AbiType> types, List<?> values) {
    if (types.size() != values.size()) {
      throw new AbiEncodingException(
          types.size() + " types but " + values.size() + " values to encode");
    }
    int headSize = types.stream().mapToInt(AbiType::headSize).sum();
    List<Bytes> heads = new ArrayList<>();
    List<Bytes> tails = new ArrayList<>();
    long tailOffset = headSize;
    for (int i = 0; i < types.size(); i++) {
      AbiType type = types.get(i);
      Bytes encoded = encodeValue(type, values.get(i));
      if (type.isDynamic()) {
        heads.add(word(BigInteger.valueOf(tailOffset)));
        tails.add(encoded);
        tailOffset += encoded.size();
      } else {
        heads.add(encoded);
      }
    }
    heads.addAll(tails);
    return Bytes.concatenate(heads.toArray(Bytes[]::new));
  }

  /** Encodes one value: in place for static types, the tail content for dynamic ones. */
  public static Bytes encodeValue(AbiType type, Object value) {
    return switch (type) {
      case AbiType.UInt u -> encodeUInt(u, toBigInteger(type, value));
      case AbiType.Int i -> encodeInt(i, toBigInteger(type, value));
      case AbiType.AddressType a -> Bytes32.leftPad(cast(type, value, Address.class).bytes());
      case AbiType.Bool b ->
          word(cast(type, value, Boolean.class) ? BigInteger.ONE : BigInteger.ZERO);
      case AbiType.FixedBytes f -> encodeFixedBytes(f, cast(type, value, Bytes.class));
      case AbiType.DynamicBytes d -> encodeDynamicBytes(cast(type, value, Bytes.class));
      case AbiType.Str s ->
          encodeDynamicBytes(
              Bytes.wrap(cast(type, value, String.class).getBytes(StandardCharsets.UTF_8)));
      case AbiType.Array a -> {
        List<?> list = cast(type, value, List.class);
        yield Bytes.concatenate(
            word(BigInteger.valueOf(list.size())), encode(repeat(a.element(), list.size()), list));
      }
      case AbiType.FixedArray a -> {
        List<?> list = cast(type, value, List.class);
        if (list.size() != a.length()) {
          throw new AbiEncodingException(
              type.name() + " needs " + a.length() + " elements, got " + list.size());
        }
        yield encode(repeat(a.element(), a.length()), list);
      }
      case AbiType.Tuple t -> encode(t.components(), cast(type, value, List.class));
    };
  }

  /** Pads {@code bytes} on the right to a multiple of 32 (at least nothing for empty input). */
  static Bytes padRight(Bytes bytes) {
    int padding = (32 - bytes.size() % 32) % 32;
    return padding == 0 ? bytes : Bytes.concatenate(bytes, Bytes.wrap(new byte[padding]));
  }

  static Bytes32 word(BigInteger unsigned) {
    return Bytes32.leftPad(Bytes.wrap(toUnsignedBytes(unsigned)));
  }

  static List<AbiType> repeat(AbiType type, int count) {
    List<AbiType> types = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      types.add(type);
    }
    return types;
  }

  private static Bytes encodeUInt(AbiType.UInt type, BigInteger value) {
    if (value.signum() < 0 || value.bitLength() > type.bits()) {
      throw new AbiEncodingException(value + " does not fit " + type.name());
    }
    return word(value);
  }

  private static Bytes encodeInt(AbiType.Int type, BigInteger value) {
    if (value.bitLength() > type.bits() - 1) {
      throw new AbiEncodingException(value + " does not fit " + type.name());
    }
    return word(value.signum() < 0 ? value.add(TWO_256) : value);
  }

  private static Bytes encodeFixedBytes(AbiType.FixedBytes type, Bytes value) {
    if (value.size() != type.size()) {
      throw new AbiEncodingException(
          type.name() + " needs " + type.size() + " bytes, got " + value.size());
    }
    return Bytes32.rightPad(value);
  }

  private static Bytes encodeDynamicBytes(Bytes value) {
    return Bytes.concatenate(word(BigInteger.valueOf(value.size())), padRight(value));
  }

  private static byte[] toUnsignedBytes(BigInteger value) {
    byte[] raw = value.toByteArray();
    if (raw.length > 1 && raw[0] == 0) {
      byte[] trimmed = new byte[raw.length - 1];
      System.arraycopy(raw, 1, trimmed, 0, trimmed.length);
      return trimmed;
    }
    return raw;
  }

  private static BigInteger toBigInteger(AbiType type, Object value) {
    return switch (value) {
      case BigInteger b -> b;
      case Long l -> BigInteger.valueOf(l);
      case Integer i -> BigInteger.valueOf(i);
      case null, default -> throw wrongValue(type, value);
    };
  }

  private static <T> T cast(AbiType type, Object value, Class<T> expected) {
    if (!expected.isInstance(value)) {
      throw wrongValue(type, value);
    }
    return expected.cast(value);
  }

  private static AbiEncodingException wrongValue(AbiType type, Object value) {
    String actual = value == null ? "null" : value.getClass().getSimpleName();
    return new AbiEncodingException("cannot encode a " + actual + " as " + type.name());
  }
}
