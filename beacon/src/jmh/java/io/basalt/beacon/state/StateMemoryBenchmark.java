package io.basalt.beacon.state;

import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.UInt64;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.config.SpecConfigLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.bytes.Bytes48;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * State memory: bytes of heap a hot beacon state retains per validator, in tree form with every
 * hash cached (as after {@code hash_tree_root}), against its SSZ size. Each invocation builds a
 * fresh state of {@code validatorCount} validators (mainnet preset, distinct made-up keys: no BLS
 * work), hashes it, and reports through JMH's secondary results:
 *
 * <ul>
 *   <li>{@code retainedBytesPerValidator}: used heap after a full GC with the state held, minus
 *       used heap after a full GC before building it, divided by the validator count (the
 *       fixed-size fields — roots and mixes vectors — are a few MB, spread over the validators);
 *   <li>{@code sszBytesPerValidator}: the serialized state's size per validator;
 *   <li>{@code sharedBytesPerChangedValidator}: extra heap retained by a second state that changes
 *       1 % of the balances, per changed balance (what a block's worth of changes costs when the
 *       hot-state cache holds both states).
 * </ul>
 *
 * <p>{@code Runtime} figures after {@code System.gc()} are approximate (a GC may leave some
 * garbage); read them as indicative. JMH sums {@code EVENTS} counters over the measurement
 * iterations, so the table shows {@code iterations ×} the figure; each invocation also prints its
 * own figures.
 */
@State(Scope.Benchmark)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx4g", "-Xms4g"})
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
public class StateMemoryBenchmark {

  @Param("100000")
  public int validatorCount;

  private SpecConfig config;
  private BeaconSchemas schemas;

  /** The per-validator figures of the last invocation. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Figures {
    public double retainedBytesPerValidator;
    public double sszBytesPerValidator;
    public double sharedBytesPerChangedValidator;
  }

  @Setup(Level.Trial)
  public void setUp() {
    config = SpecConfigLoader.load("mainnet");
    schemas = new BeaconSchemas(config);
  }

  @Benchmark
  public Bytes32 buildHashAndMeasure(Figures figures) {
    long before = usedAfterGc();
    BeaconState state = build();
    Bytes32 root = state.hashTreeRoot();
    long held = usedAfterGc();
    figures.retainedBytesPerValidator = (double) (held - before) / validatorCount;
    figures.sszBytesPerValidator =
        (double) schemas.beaconState().serialize(state).size() / validatorCount;

    int changed = validatorCount / 100;
    BeaconState next =
        state.updated(
            mutable ->
                mutable.setBalances(
                    state
                        .balances()
                        .updated(
                            b -> {
                              for (int i = 0; i < changed; i++) {
                                b.set(i * 100L, Gwei.of(31_000_000_000L));
                              }
                            })));
    next.hashTreeRoot();
    long both = usedAfterGc();
    figures.sharedBytesPerChangedValidator = (double) (both - held) / changed;
    System.out.printf(
        "%n%d validators: retained %.0f B/validator, SSZ %.0f B/validator,"
            + " second state %.0f B per changed balance%n",
        validatorCount,
        figures.retainedBytesPerValidator,
        figures.sszBytesPerValidator,
        figures.sharedBytesPerChangedValidator);
    // Keep both states reachable until the last measurement.
    return next.hashTreeRoot().equals(root) ? Bytes32.ZERO : state.hashTreeRoot();
  }

  private BeaconState build() {
    List<Validator> validators = new ArrayList<>(validatorCount);
    for (int i = 0; i < validatorCount; i++) {
      byte[] key = new byte[48];
      key[0] = (byte) 0xa0;
      key[1] = (byte) (i >>> 16);
      key[2] = (byte) (i >>> 8);
      key[3] = (byte) i;
      byte[] credentials = new byte[32];
      credentials[0] = 1;
      credentials[31] = (byte) i;
      validators.add(
          new Validator(
              Bytes48.wrap(key),
              Bytes32.wrap(credentials),
              config.maxEffectiveBalance(),
              false,
              Epoch.ZERO,
              Epoch.ZERO,
              Validator.FAR_FUTURE_EPOCH,
              Validator.FAR_FUTURE_EPOCH));
    }
    return schemas
        .emptyBeaconState()
        .updated(
            state ->
                state
                    .setRandaoMixes(
                        schemas
                            .randaoMixes()
                            .of(
                                Collections.nCopies(
                                    config.epochsPerHistoricalVector(),
                                    Bytes32.repeat((byte) 0x42))))
                    .setValidators(schemas.validators().of(validators))
                    .setBalances(
                        schemas
                            .balances()
                            .of(Collections.nCopies(validatorCount, config.maxEffectiveBalance())))
                    .setPreviousEpochParticipation(
                        schemas.participation().of(Collections.nCopies(validatorCount, 7)))
                    .setCurrentEpochParticipation(
                        schemas.participation().of(Collections.nCopies(validatorCount, 3)))
                    .setInactivityScores(
                        schemas
                            .inactivityScores()
                            .of(Collections.nCopies(validatorCount, UInt64.ZERO))));
  }

  private static long usedAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    // Several collections: the used figure settles once nothing more is freed.
    for (int i = 0; i < 4; i++) {
      System.gc();
      used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
    }
    return used;
  }
}
