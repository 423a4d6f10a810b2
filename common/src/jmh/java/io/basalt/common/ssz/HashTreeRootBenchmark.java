package io.basalt.common.ssz;

import io.basalt.common.ssz.TestStructs.Validator;
import io.basalt.common.ssz.view.ListView;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes32;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * hash_tree_root of a registry of phase0 Validators ({@code List[Validator, 2^40]}): built and
 * hashed from scratch, versus re-hashed after 1,000 of them changed. The second re-hashes only the
 * changed paths (about 1,000 x 49 branches) and should be orders of magnitude faster.
 */
@State(Scope.Benchmark)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx4g", "-Xms4g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HashTreeRootBenchmark {

  private static final ListSchema<Validator> REGISTRY = SszTypes.list(Validator.SSZ, 1L << 40);
  private static final int CHANGES = 1_000;

  @Param("1000000")
  public int validatorCount;

  private List<Validator> validators;
  private ListView<Validator> hashedRegistry;
  private Validator[] replacements;
  private long[] changedIndices;

  @Setup(Level.Trial)
  public void setUp() {
    validators = new ArrayList<>(validatorCount);
    for (int i = 0; i < validatorCount; i++) {
      validators.add(Validator.sample(i));
    }
    hashedRegistry = ListView.of(REGISTRY, validators);
    hashedRegistry.hashTreeRoot();
    replacements = new Validator[CHANGES];
    changedIndices = new long[CHANGES];
    for (int k = 0; k < CHANGES; k++) {
      // Spread over the whole registry so the changed paths share little.
      changedIndices[k] = (k * 999_983L) % validatorCount;
      replacements[k] = Validator.sample(validatorCount + k);
    }
  }

  /** Builds the tree bottom-up from the records and hashes every node. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  public Bytes32 buildAndHashFromScratch() {
    return ListView.of(REGISTRY, validators).hashTreeRoot();
  }

  /** Changes 1,000 validators of an already hashed registry and re-hashes. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  public Bytes32 rehashAfterThousandChanges() {
    return hashedRegistry
        .updated(
            registry -> {
              for (int k = 0; k < CHANGES; k++) {
                registry.set(changedIndices[k], replacements[k]);
              }
            })
        .hashTreeRoot();
  }
}
