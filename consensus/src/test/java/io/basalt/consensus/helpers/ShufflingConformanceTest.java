package io.basalt.consensus.helpers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.basalt.common.testing.ConformanceVectors;
import io.basalt.consensus.config.SpecConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the consensus-spec-tests shuffling vectors: {@code minimal} with the local preset
 * (SHUFFLE_ROUND_COUNT 10) and {@code mainnet} with the mainnet preset (90). Each {@code
 * mapping.yaml} gives {@code mapping[i] == compute_shuffled_index(i, count, seed)}; both the
 * per-index function and the whole-list shuffle must reproduce it.
 */
class ShufflingConformanceTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ConformanceVectors VECTORS = ConformanceVectors.locate();

  @TestFactory
  Stream<DynamicTest> minimal() {
    return family("minimal", "local", 27);
  }

  @TestFactory
  Stream<DynamicTest> mainnet() {
    return family("mainnet", "mainnet", 15);
  }

  private static Stream<DynamicTest> family(String vectorConfig, String preset, int fileCount) {
    String dir = vectorConfig + "/phase0/shuffling/core/shuffle";
    MiscHelpers helpers = new MiscHelpers(SpecConfigLoader.load(preset));
    Stream<DynamicTest> cases =
        VECTORS.files(dir).stream()
            .map(
                file ->
                    dynamicTest(
                        file.getParent().getFileName().toString(), () -> runCase(helpers, file)));
    DynamicTest allRead =
        dynamicTest(
            "every " + vectorConfig + " shuffle file was read",
            () -> assertThat(VECTORS.assertAllRead(dir)).isEqualTo(fileCount));
    return Stream.concat(cases, Stream.of(allRead));
  }

  private static void runCase(MiscHelpers helpers, Path file) {
    JsonNode vector = parse(VECTORS.read(file));
    Bytes32 seed = Bytes32.fromHexString(vector.get("seed").asText());
    int count = vector.get("count").asInt();
    int[] mapping = new int[vector.get("mapping").size()];
    for (int i = 0; i < mapping.length; i++) {
      mapping[i] = vector.get("mapping").get(i).asInt();
    }
    assertThat(mapping).as("mapping length").hasSize(count);

    int[] perIndex =
        IntStream.range(0, count).map(i -> helpers.computeShuffledIndex(i, count, seed)).toArray();
    assertThat(perIndex).as("compute_shuffled_index").isEqualTo(mapping);

    // The spec's shuffled list is [indices[compute_shuffled_index(i)] for i]; on the identity
    // list that is the mapping itself.
    int[] identity = IntStream.range(0, count).toArray();
    assertThat(helpers.shuffleList(identity, seed)).as("whole-list shuffle").isEqualTo(mapping);
  }

  private static JsonNode parse(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
