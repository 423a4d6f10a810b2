package io.basalt.execution.abi;

import io.basalt.common.crypto.Hash;
import io.basalt.common.types.Address;
import io.basalt.execution.receipt.Log;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * An event: topic 0 is Keccak-256 of the canonical signature; each indexed parameter becomes a
 * topic (a value type's 32-byte encoding, or for {@code bytes}, {@code string}, arrays and tuples
 * the Keccak-256 of their in-place encoding, as Solidity does); the others are ABI-encoded, in
 * order, as the log data.
 */
public record AbiEvent(String name, List<Parameter> parameters) {

  /** One event parameter. */
  public record Parameter(AbiType type, boolean indexed) {}

  public AbiEvent {
    parameters = List.copyOf(parameters);
    if (parameters.stream().filter(Parameter::indexed).count() > Log.MAX_TOPICS - 1) {
      throw new IllegalArgumentException("an event has at most 3 indexed parameters");
    }
  }

  /**
   * Parses {@code "Transfer(address indexed,address indexed,uint256)"}: types with an optional
   * {@code indexed} (parameter names, if any, follow and are ignored).
   */
  public static AbiEvent parse(String declaration) {
    String s = declaration.strip();
    int open = s.indexOf('(');
    if (open <= 0 || !s.endsWith(")")) {
      throw new IllegalArgumentException("malformed event declaration: " + declaration);
    }
    List<Parameter> parameters = new ArrayList<>();
    String inner = s.substring(open + 1, s.length() - 1);
    if (!inner.isBlank()) {
      for (String part : AbiTypes.splitTopLevel(inner)) {
        String[] words = part.strip().split("\\s+");
        boolean indexed = words.length > 1 && words[1].equals("indexed");
        parameters.add(new Parameter(AbiTypes.parse(words[0]), indexed));
      }
    }
    return new AbiEvent(s.substring(0, open), parameters);
  }

  public String signature() {
    return name
        + parameters.stream().map(p -> p.type().name()).collect(Collectors.joining(",", "(", ")"));
  }

  public Bytes32 topic0() {
    return Hash.keccak256(Bytes.wrap(signature().getBytes(StandardCharsets.US_ASCII)));
  }

  /** The log {@code emitter} writes for {@code values} (one per parameter, in order). */
  public Log toLog(Address emitter, List<?> values) {
    if (values.size() != parameters.size()) {
      throw new AbiEncodingException(
          name + " has " + parameters.size() + " parameters, got " + values.size() + " values");
    }
    List<Bytes32> topics = new ArrayList<>();
    topics.add(topic0());
    List<AbiType> dataTypes = new ArrayList<>();
    List<Object> dataValues = new ArrayList<>();
    for (int i = 0; i < parameters.size(); i++) {
      Parameter p = parameters.get(i);
      if (p.indexed()) {
        topics.add(topic(p.type(), values.get(i)));
      } else {
        dataTypes.add(p.type());
        dataValues.add(values.get(i));
      }
    }
    return new Log(emitter, topics, AbiEncoder.encode(dataTypes, dataValues));
  }

  /** The topic of one indexed value. */
  public static Bytes32 topic(AbiType type, Object value) {
    if (type instanceof AbiType.DynamicBytes
        || type instanceof AbiType.Str
        || type instanceof AbiType.Array
        || type instanceof AbiType.FixedArray
        || type instanceof AbiType.Tuple) {
      return Hash.keccak256(inPlace(type, value, false));
    }
    return Bytes32.wrap(AbiEncoder.encodeValue(type, value));
  }

  /**
   * Solidity's encoding of indexed reference types: the raw bytes for {@code bytes}/{@code string}
   * (padded to 32 inside arrays and tuples), elements concatenated without lengths or offsets.
   */
  private static Bytes inPlace(AbiType type, Object value, boolean nested) {
    return switch (type) {
      case AbiType.DynamicBytes d -> pad((Bytes) value, nested);
      case AbiType.Str s ->
          pad(Bytes.wrap(((String) value).getBytes(StandardCharsets.UTF_8)), nested);
      case AbiType.Array a -> concat(a.element(), (List<?>) value);
      case AbiType.FixedArray a -> concat(a.element(), (List<?>) value);
      case AbiType.Tuple t -> {
        List<?> list = (List<?>) value;
        List<Bytes> parts = new ArrayList<>();
        for (int i = 0; i < t.components().size(); i++) {
          parts.add(inPlace(t.components().get(i), list.get(i), true));
        }
        yield Bytes.concatenate(parts.toArray(Bytes[]::new));
      }
      default -> AbiEncoder.encodeValue(type, value);
    };
  }

  private static Bytes concat(AbiType element, List<?> values) {
    List<Bytes> parts = new ArrayList<>();
    for (Object v : values) {
      parts.add(inPlace(element, v, true));
    }
    return Bytes.concatenate(parts.toArray(Bytes[]::new));
  }

  private static Bytes pad(Bytes raw, boolean nested) {
    return nested ? AbiEncoder.padRight(raw) : raw;
  }
}
