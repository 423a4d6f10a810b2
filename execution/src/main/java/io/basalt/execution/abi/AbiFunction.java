package io.basalt.execution.abi;

import io.basalt.common.crypto.Hash;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.tuweni.bytes.Bytes;

/**
 * A function: its name, argument types and return types, and the 4-byte selector (the first four
 * bytes of Keccak-256 of the canonical signature {@code name(type1,type2)}).
 */
public record AbiFunction(String name, List<AbiType> inputs, List<AbiType> outputs) {

  public static final int SELECTOR_SIZE = 4;

  public AbiFunction {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("function name is empty");
    }
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  /** Parses {@code "transfer(uint32,address)"}, without return types. */
  public static AbiFunction parse(String signature) {
    return parse(signature, "");
  }

  /**
   * Parses {@code signature} with the return types in {@code returns}, e.g. {@code
   * parse("outgoingCount(uint32)", "uint64")}.
   */
  public static AbiFunction parse(String signature, String returns) {
    String s = signature.strip();
    int open = s.indexOf('(');
    if (open <= 0 || !s.endsWith(")")) {
      throw new IllegalArgumentException("malformed function signature: " + signature);
    }
    return new AbiFunction(
        s.substring(0, open),
        AbiTypes.parseList(s.substring(open + 1, s.length() - 1)),
        AbiTypes.parseList(returns));
  }

  /** The canonical signature the selector is computed from. */
  public String signature() {
    return name + inputs.stream().map(AbiType::name).collect(Collectors.joining(",", "(", ")"));
  }

  public Bytes selector() {
    return selectorOf(signature());
  }

  /** The selector of a canonical signature. */
  public static Bytes selectorOf(String canonicalSignature) {
    return Hash.keccak256(Bytes.wrap(canonicalSignature.getBytes(StandardCharsets.US_ASCII)))
        .slice(0, SELECTOR_SIZE);
  }

  /** Selector followed by the encoded arguments: what a transaction's data carries. */
  public Bytes encodeCall(List<?> arguments) {
    return Bytes.concatenate(selector(), AbiEncoder.encode(inputs, arguments));
  }

  /** Decodes the arguments, given the calldata after the selector. */
  public List<Object> decodeArguments(Bytes argumentData) throws AbiDecodingException {
    return AbiDecoder.decode(inputs, argumentData);
  }

  public Bytes encodeReturn(List<?> values) {
    return AbiEncoder.encode(outputs, values);
  }

  public List<Object> decodeReturn(Bytes returnData) throws AbiDecodingException {
    return AbiDecoder.decode(outputs, returnData);
  }
}
