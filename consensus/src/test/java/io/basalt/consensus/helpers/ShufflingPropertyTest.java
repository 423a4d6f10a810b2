package io.basalt.consensus.helpers;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.consensus.config.SpecConfigLoader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.tuweni.bytes.Bytes32;

/** The fast whole-list shuffle is the spec's per-index shuffle, for any seed, size and rounds. */
class ShufflingPropertyTest {

  private static final Map<Integer, MiscHelpers> HELPERS = new ConcurrentHashMap<>();

  private static MiscHelpers helpers(int rounds) {
    return HELPERS.computeIfAbsent(
        rounds, r -> new MiscHelpers(SpecConfigLoader.loadYaml("SHUFFLE_ROUND_COUNT: " + r)));
  }

  @Property(tries = 150)
  void shuffleListShouldEqualMappingEveryIndex(
      @ForAll @Size(32) byte[] seedBytes,
      @ForAll @IntRange(min = 0, max = 700) int count,
      @ForAll @IntRange(min = 0, max = 20) int rounds) {
    Bytes32 seed = Bytes32.wrap(seedBytes);
    MiscHelpers helpers = helpers(rounds);
    // Distinct values unlike their positions, so a mix-up of values and positions shows.
    int[] input = IntStream.range(0, count).map(i -> 3 * i + 7).toArray();

    int[] shuffled = helpers.shuffleList(input, seed);

    int[] expected =
        IntStream.range(0, count)
            .map(i -> input[helpers.computeShuffledIndex(i, count, seed)])
            .toArray();
    assertThat(shuffled).isEqualTo(expected);
  }

  @Property(tries = 100)
  void computeShuffledIndexShouldBeAPermutation(
      @ForAll @Size(32) byte[] seedBytes, @ForAll @IntRange(min = 1, max = 600) int count) {
    Bytes32 seed = Bytes32.wrap(seedBytes);
    MiscHelpers helpers = helpers(10);

    int[] image =
        IntStream.range(0, count).map(i -> helpers.computeShuffledIndex(i, count, seed)).toArray();

    assertThat(image).containsExactlyInAnyOrder(IntStream.range(0, count).toArray());
  }
}
