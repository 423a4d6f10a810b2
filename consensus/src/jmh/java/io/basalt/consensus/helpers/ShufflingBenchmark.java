package io.basalt.consensus.helpers;

import io.basalt.common.crypto.Hash;
import io.basalt.consensus.config.SpecConfigLoader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Whole-list swap-or-not shuffle with mainnet rounds (90), and one per-index shuffle for scale: a
 * committee lookup through {@code computeShuffledIndex} costs 180 hashes per member.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ShufflingBenchmark {

  @Param({"1000000"})
  public int validatorCount;

  private MiscHelpers helpers;
  private int[] indices;
  private Bytes32 seed;

  @Setup
  public void setUp() {
    helpers = new MiscHelpers(SpecConfigLoader.load("mainnet"));
    indices = IntStream.range(0, validatorCount).toArray();
    seed = Hash.sha256(Bytes.wrap("benchmark".getBytes(StandardCharsets.US_ASCII)));
  }

  @Benchmark
  public int[] shuffleList() {
    return helpers.shuffleList(indices, seed);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public int computeShuffledIndex() {
    return helpers.computeShuffledIndex(validatorCount / 2, validatorCount, seed);
  }
}
