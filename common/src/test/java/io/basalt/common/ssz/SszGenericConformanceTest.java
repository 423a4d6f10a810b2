package io.basalt.common.ssz;

import static io.basalt.common.ssz.SszTypes.BOOLEAN;
import static io.basalt.common.ssz.SszTypes.UINT128;
import static io.basalt.common.ssz.SszTypes.UINT16;
import static io.basalt.common.ssz.SszTypes.UINT256;
import static io.basalt.common.ssz.SszTypes.UINT32;
import static io.basalt.common.ssz.SszTypes.UINT64;
import static io.basalt.common.ssz.SszTypes.UINT8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.basalt.common.ssz.TestStructs.BitsStruct;
import io.basalt.common.ssz.TestStructs.FixedTestStruct;
import io.basalt.common.ssz.TestStructs.SmallTestStruct;
import io.basalt.common.ssz.TestStructs.VarTestStruct;
import io.basalt.common.testing.ConformanceVectors;
import io.basalt.common.types.UInt64;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every ssz_generic valid case: builds the typed value from value.yaml, checks its
 * hash_tree_root against meta.yaml and its serialize/deserialize round trip, then checks that every
 * vector file was read.
 */
class SszGenericConformanceTest {

  private static final String DIR = "general/phase0/ssz_generic";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static ConformanceVectors vectors;
  private static int cases;

  @BeforeAll
  static void locate() {
    vectors = ConformanceVectors.locate();
  }

  @TestFactory
  List<DynamicTest> validCases() {
    TreeMap<Path, Path> caseDirs = new TreeMap<>();
    for (Path file : vectors.files(DIR)) {
      caseDirs.put(file.getParent(), file.getParent());
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path caseDir : caseDirs.keySet()) {
      String handler = caseDir.getParent().getParent().getFileName().toString();
      String name = caseDir.getFileName().toString();
      tests.add(DynamicTest.dynamicTest(handler + "/" + name, () -> runCase(caseDir, name)));
    }
    assertThat(tests).hasSize(25);
    return tests;
  }

  @AfterAll
  static void allRead() {
    int files = vectors.assertAllRead(DIR);
    assertThat(files).isEqualTo(50);
    assertThat(cases).isEqualTo(25);
  }

  private static void runCase(Path caseDir, String name) throws IOException {
    JsonNode meta = YAML.readTree(vectors.read(caseDir.resolve("meta.yaml")));
    JsonNode value = YAML.readTree(vectors.read(caseDir.resolve("value.yaml")));
    Bytes32 expectedRoot = Bytes32.fromHexString(meta.get("root").asText());
    Case<?> c = typedCase(name, value);
    c.check(expectedRoot);
    cases++;
  }

  private record Case<T>(SszSchema<T> schema, T value) {
    void check(Bytes32 expectedRoot) {
      assertThat(schema.hashTreeRoot(value)).isEqualTo(expectedRoot);
      Bytes encoded = schema.serialize(value);
      T decoded = schema.deserialize(encoded);
      assertThat(decoded).isEqualTo(value);
      assertThat(schema.serialize(decoded)).isEqualTo(encoded);
      assertThat(schema.hashTreeRoot(schema.fromTree(schema.toTree(value))))
          .isEqualTo(expectedRoot);
    }
  }

  private static Case<?> typedCase(String name, JsonNode value) {
    String[] parts = name.split("_");
    if (name.startsWith("uint_")) {
      return uintCase(Integer.parseInt(parts[1]), value);
    }
    if (name.startsWith("bitvec_")) {
      BitvectorSchema schema = new BitvectorSchema(Integer.parseInt(parts[1]));
      return new Case<>(schema, schema.deserialize(Bytes.fromHexString(value.asText())));
    }
    if (name.startsWith("bitlist_")) {
      BitlistSchema schema = new BitlistSchema(Long.parseLong(parts[1]));
      return new Case<>(schema, schema.deserialize(Bytes.fromHexString(value.asText())));
    }
    if (name.startsWith("vec_")) {
      int length = Integer.parseInt(parts[2]);
      return switch (parts[1]) {
        case "bool" -> vectorCase(BOOLEAN, length, value, JsonNode::asBoolean);
        case "uint8" -> vectorCase(UINT8, length, value, JsonNode::asInt);
        case "uint16" -> vectorCase(UINT16, length, value, JsonNode::asInt);
        case "uint32" -> vectorCase(UINT32, length, value, JsonNode::asLong);
        case "uint64" -> vectorCase(UINT64, length, value, n -> UInt64.parse(n.asText()));
        case "uint128" -> vectorCase(UINT128, length, value, n -> new BigInteger(n.asText()));
        case "uint256" -> vectorCase(UINT256, length, value, n -> new BigInteger(n.asText()));
        default -> throw new IllegalArgumentException("Unknown element type in " + name);
      };
    }
    return switch (parts[0]) {
      case "SmallTestStruct" ->
          new Case<>(
              SmallTestStruct.SSZ,
              new SmallTestStruct(value.get("A").asInt(), value.get("B").asInt()));
      case "FixedTestStruct" ->
          new Case<>(
              FixedTestStruct.SSZ,
              new FixedTestStruct(
                  value.get("A").asInt(),
                  UInt64.parse(value.get("B").asText()),
                  value.get("C").asLong()));
      case "VarTestStruct" -> {
        List<Integer> b = new ArrayList<>();
        value.get("B").forEach(n -> b.add(n.asInt()));
        yield new Case<>(
            VarTestStruct.SSZ,
            new VarTestStruct(value.get("A").asInt(), List.copyOf(b), value.get("C").asInt()));
      }
      case "BitsStruct" ->
          new Case<>(
              BitsStruct.SSZ,
              new BitsStruct(
                  bits(new BitlistSchema(5), value.get("A")),
                  bits(new BitvectorSchema(2), value.get("B")),
                  bits(new BitvectorSchema(1), value.get("C")),
                  bits(new BitlistSchema(6), value.get("D")),
                  bits(new BitvectorSchema(8), value.get("E"))));
      default -> throw new IllegalArgumentException("Unknown ssz_generic case " + name);
    };
  }

  private static Bits bits(SszSchema<Bits> schema, JsonNode hex) {
    return schema.deserialize(Bytes.fromHexString(hex.asText()));
  }

  private static Case<?> uintCase(int bits, JsonNode value) {
    String text = value.asText();
    return switch (bits) {
      case 8 -> new Case<>(UINT8, Integer.parseInt(text));
      case 16 -> new Case<>(UINT16, Integer.parseInt(text));
      case 32 -> new Case<>(UINT32, Long.parseLong(text));
      case 64 -> new Case<>(UINT64, UInt64.parse(text));
      case 128 -> new Case<>(UINT128, new BigInteger(text));
      case 256 -> new Case<>(UINT256, new BigInteger(text));
      default -> throw new IllegalArgumentException("No uint" + bits);
    };
  }

  private static <T> Case<List<T>> vectorCase(
      SszSchema<T> element, int length, JsonNode values, Function<JsonNode, T> parse) {
    List<T> list = new ArrayList<>();
    values.forEach(n -> list.add(parse.apply(n)));
    return new Case<>(new VectorSchema<>(element, length), List.copyOf(list));
  }
}
