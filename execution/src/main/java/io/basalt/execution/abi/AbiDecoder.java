package io.basalt.execution.abi;

import io.basalt.common.types.Address;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/**
 * Decodes ABI-encoded data into Java values (see {@link AbiType} for the mapping), strictly: every
 * word must be the canonical encoding of its type (no stray bits above a {@code uint<M>} or an
 * address, bool 0 or 1, zero padding after {@code bytes<M>}, {@code bytes} and {@code string}),
 * every offset and length must stay inside the data, and strings must be UTF-8. Bytes after the
 * last value are allowed, as Solidity allows them.
 *
 * <p>Offsets may point anywhere, so a hostile encoding could make many values share one large tail;
 * a budget of words read, proportional to the input, bounds the work.
 */
public final class AbiDecoder {

  private final Bytes data;
  private long budget;

  private AbiDecoder(Bytes data) {
    this.data = data;
    this.budget = 4L * (data.size() / 32) + 64;
  }

  /** Decodes {@code data} as the tuple of {@code types} (function arguments, return data). */
  public static List<Object> decode(List<AbiType> types, Bytes data) throws AbiDecodingException {
    AbiDecoder decoder = new AbiDecoder(data);
    List<String> labels = new ArrayList<>(types.size());
    for (int i = 0; i < types.size(); i++) {
      labels.add("argument " + (i + 1) + " (" + types.get(i).name() + ")");
    }
    return decoder.decodeTuple(types, labels, 0);
  }

  private List<Object> decodeTuple(List<AbiType> types, List<String> labels, long base)
      throws AbiDecodingException {
    List<Object> values = new ArrayList<>(types.size());
    long head = base;
    for (int i = 0; i < types.size(); i++) {
      AbiType type = types.get(i);
      String label = labels.get(i);
      if (type.isDynamic()) {
        BigInteger offset = readWord(head, label);
        long start = base + offset.min(BigInteger.valueOf(Integer.MAX_VALUE)).longValue();
        if (offset.bitLength() > 31 || start + 32 > data.size()) {
          throw new AbiDecodingException("offset of " + label + " points outside the calldata");
        }
        values.add(decodeValue(type, start, label));
      } else {
        values.add(decodeValue(type, head, label));
      }
      head += type.headSize();
    }
    return values;
  }

  private Object decodeValue(AbiType type, long pos, String label) throws AbiDecodingException {
    return switch (type) {
      case AbiType.UInt u -> {
        BigInteger value = readWord(pos, label);
        if (value.bitLength() > u.bits()) {
          throw new AbiDecodingException(label + ": value does not fit " + u.name());
        }
        yield value;
      }
      case AbiType.Int i -> decodeInt(i, pos, label);
      case AbiType.AddressType a -> {
        Bytes word = readBytes(pos, 32, label);
        if (!word.slice(0, 12).isZero()) {
          throw new AbiDecodingException(label + ": upper 12 bytes are not zero");
        }
        yield new Address(word.slice(12, 20).copy());
      }
      case AbiType.Bool b -> {
        BigInteger value = readWord(pos, label);
        if (value.bitLength() > 1) {
          throw new AbiDecodingException(label + ": bool must be 0 or 1");
        }
        yield value.signum() == 1;
      }
      case AbiType.FixedBytes f -> {
        Bytes word = readBytes(pos, 32, label);
        if (!word.slice(f.size()).isZero()) {
          throw new AbiDecodingException(label + ": padding after " + f.name() + " is not zero");
        }
        yield word.slice(0, f.size()).copy();
      }
      case AbiType.DynamicBytes d -> readDynamicBytes(pos, label);
      case AbiType.Str s -> decodeString(readDynamicBytes(pos, label), label);
      case AbiType.Array a -> {
        long length = readLength(pos, label);
        long body = pos + 32;
        if (length * a.element().headSize() > data.size() - body) {
          throw new AbiDecodingException(
              "length " + length + " of " + label + " runs past the calldata");
        }
        yield decodeElements(a.element(), (int) length, body, label);
      }
      case AbiType.FixedArray a -> decodeElements(a.element(), a.length(), pos, label);
      case AbiType.Tuple t -> {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < t.components().size(); i++) {
          labels.add(label + " component " + (i + 1) + " (" + t.components().get(i).name() + ")");
        }
        yield Collections.unmodifiableList(decodeTuple(t.components(), labels, pos));
      }
    };
  }

  private List<Object> decodeElements(AbiType element, int count, long base, String label)
      throws AbiDecodingException {
    List<String> labels = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      labels.add(label + " element " + (i + 1) + " (" + element.name() + ")");
    }
    return Collections.unmodifiableList(
        decodeTuple(AbiEncoder.repeat(element, count), labels, base));
  }

  private Object decodeInt(AbiType.Int type, long pos, String label) throws AbiDecodingException {
    BigInteger value = new BigInteger(readBytes(pos, 32, label).toArrayUnsafe());
    if (value.bitLength() > type.bits() - 1) {
      throw new AbiDecodingException(label + ": value does not fit " + type.name());
    }
    return value;
  }

  private Bytes readDynamicBytes(long pos, String label) throws AbiDecodingException {
    long length = readLength(pos, label);
    long padded = (length + 31) / 32 * 32;
    if (padded > data.size() - pos - 32) {
      throw new AbiDecodingException(
          "length " + length + " of " + label + " runs past the calldata");
    }
    Bytes content = data.slice((int) pos + 32, (int) length);
    if (!data.slice((int) (pos + 32 + length), (int) (padded - length)).isZero()) {
      throw new AbiDecodingException(label + ": padding after the content is not zero");
    }
    budget -= padded / 32;
    return content.copy();
  }

  private static String decodeString(Bytes utf8, String label) throws AbiDecodingException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(utf8.toArrayUnsafe()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new AbiDecodingException(label + ": string is not valid UTF-8");
    }
  }

  private long readLength(long pos, String label) throws AbiDecodingException {
    BigInteger length = readWord(pos, label);
    if (length.bitLength() > 31) {
      throw new AbiDecodingException(
          "length " + length + " of " + label + " runs past the calldata");
    }
    return length.longValue();
  }

  private BigInteger readWord(long pos, String label) throws AbiDecodingException {
    return new BigInteger(1, readBytes(pos, 32, label).toArrayUnsafe());
  }

  private Bytes readBytes(long pos, int size, String label) throws AbiDecodingException {
    if (pos + size > data.size()) {
      throw new AbiDecodingException("calldata too short for " + label);
    }
    if (--budget < 0) {
      throw new AbiDecodingException(
          "calldata decodes to more values than its size allows (overlapping offsets)");
    }
    return data.slice((int) pos, size);
  }
}
