package io.basalt.common.crypto.bls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.basalt.common.testing.ConformanceVectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.DynamicTest;

/** Loads BLS vector cases and turns them into one dynamic test per case. */
final class BlsVectorCases {

  /** One vector: its name (the case directory or file), input and expected output. */
  record Case(String name, JsonNode input, JsonNode output) {
    boolean expectsFailure() {
      return output == null || output.isNull();
    }
  }

  private static final ObjectMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  private BlsVectorCases() {}

  /**
   * Reads every vector file under {@code dir}, checks none was left unread and returns the cases.
   */
  static List<Case> load(String dir) {
    ConformanceVectors vectors = ConformanceVectors.locate();
    List<Case> cases = new ArrayList<>();
    for (Path file : vectors.files(dir)) {
      String text = vectors.read(file);
      boolean json = file.getFileName().toString().endsWith(".json");
      JsonNode root = parse(json ? JSON : YAML, text, file);
      String name =
          json
              ? file.getFileName().toString().replace(".json", "")
              : file.getParent().getFileName().toString();
      cases.add(new Case(name, root.get("input"), root.get("output")));
    }
    vectors.assertAllRead(dir);
    assertThat(cases).as("cases in %s", dir).isNotEmpty();
    long failures = cases.stream().filter(Case::expectsFailure).count();
    System.out.printf(
        "conformance %s: %d cases (%d expecting failure)%n", dir, cases.size(), failures);
    return cases;
  }

  /** Dynamic tests for an operation that returns true/false; decoding errors count as false. */
  static Stream<DynamicTest> booleanCases(String dir, Function<JsonNode, Boolean> operation) {
    return load(dir).stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.name(),
                    () -> {
                      if (c.expectsFailure()) {
                        assertThatThrownBy(() -> operation.apply(c.input()))
                            .isInstanceOf(BlsException.class);
                      } else {
                        assertThat(falseOnBadInput(() -> operation.apply(c.input())))
                            .isEqualTo(c.output().asBoolean());
                      }
                    }));
  }

  /** Dynamic tests for an operation that returns bytes; {@code output: null} must throw. */
  static Stream<DynamicTest> valueCases(String dir, Function<JsonNode, Bytes> operation) {
    return load(dir).stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.name(),
                    () -> {
                      if (c.expectsFailure()) {
                        assertThatThrownBy(() -> operation.apply(c.input()))
                            .isInstanceOf(BlsException.class);
                      } else {
                        assertThat(operation.apply(c.input())).isEqualTo(bytes(c.output()));
                      }
                    }));
  }

  static Bytes bytes(JsonNode node) {
    return Bytes.fromHexString(node.asText());
  }

  static List<Bytes> byteList(JsonNode node) {
    List<Bytes> out = new ArrayList<>();
    node.forEach(n -> out.add(bytes(n)));
    return out;
  }

  static List<BlsPublicKey> publicKeys(JsonNode node) {
    return byteList(node).stream().map(BlsPublicKey::fromBytes).toList();
  }

  /**
   * The spec's verification functions return false for undecodable keys or signatures; our decoders
   * throw instead, before the verification call.
   */
  private static boolean falseOnBadInput(Supplier<Boolean> verification) {
    try {
      return verification.get();
    } catch (InvalidBlsEncodingException e) {
      return false;
    }
  }

  private static JsonNode parse(ObjectMapper mapper, String text, Path file) {
    try {
      return mapper.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot parse vector " + file, e);
    }
  }
}
