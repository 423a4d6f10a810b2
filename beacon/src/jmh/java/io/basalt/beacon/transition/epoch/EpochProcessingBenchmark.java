package io.basalt.beacon.transition.epoch;

import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.Validator;
import io.basalt.common.ssz.view.ListView;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.config.SpecConfigLoader;
import io.basalt.consensus.types.Checkpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes32;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code process_epoch} on a mainnet-preset state with realistic participation: 95% of validators
 * set all three timely flags in both epochs, the rest none; 0.1% slashed (some due their
 * proportional penalty now), 0.1% exiting, a few withdrawable; balances just above 32 ETH, 2% below
 * the hysteresis threshold so that 20,000 effective balances move. The setup hashes the state once,
 * as a node's state would be.
 *
 * <p>Besides the whole transition: {@code processEpochAndRehash} adds the state root after it (what
 * block import pays), and the parts — the column read, the rewards pass, and the two ways of
 * writing a million changed balances (bulk bottom-up rebuild vs. one {@code set} per element) —
 * show where the time goes.
 */
@State(Scope.Benchmark)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx6g", "-Xms6g"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EpochProcessingBenchmark {

  private static final long EPOCH = 1000;

  @Param({"100000", "1000000"})
  public int validatorCount;

  private EpochProcessor processor;
  private BeaconState state;
  private EpochWorkspace workspace;
  private ParticipationTotals totals;
  private RewardsAndPenalties rewards;
  private long[] changedBalances;

  @Setup(Level.Trial)
  public void setUp() {
    SpecConfig config = SpecConfigLoader.load("mainnet");
    processor = new EpochProcessor(config);
    rewards = new RewardsAndPenalties(config);
    Random random = new Random(42);
    long max = config.maxEffectiveBalance().value().longValue();
    List<Validator> validators = new ArrayList<>(validatorCount);
    long[] balances = new long[validatorCount];
    int[] previous = new int[validatorCount];
    int[] current = new int[validatorCount];
    for (int i = 0; i < validatorCount; i++) {
      Validator v = EpochStates.validator(i, max);
      int kind = random.nextInt(1000);
      if (kind == 0) { // slashed, penalty due this epoch for half of them
        long withdrawable = EPOCH + config.epochsPerSlashingsVector() / 2 + (i % 2);
        v =
            v.withSlashed(true)
                .withExitEpoch(Epoch.of(EPOCH + 5))
                .withWithdrawableEpoch(Epoch.of(withdrawable));
      } else if (kind == 1) { // exiting
        v = v.withExitEpoch(Epoch.of(EPOCH + 3)).withWithdrawableEpoch(Epoch.of(EPOCH + 259));
      } else if (kind == 2 && i % 10 == 0) { // exited long ago, withdrawable now
        v = v.withExitEpoch(Epoch.of(EPOCH - 300)).withWithdrawableEpoch(Epoch.of(EPOCH - 44));
      }
      validators.add(v);
      // Most balances sit just above 32 ETH; 2% dipped past the hysteresis threshold.
      balances[i] =
          random.nextInt(100) < 2
              ? max - 500_000_000L + random.nextLong(250_000_000L)
              : max + random.nextLong(900_000_000L);
      int flags = random.nextInt(100) < 95 ? 0b111 : 0;
      previous[i] = flags;
      current[i] = flags;
    }
    state =
        EpochStates.build(config, validators, balances, previous, current, EPOCH)
            .updated(
                m ->
                    m.setFinalizedCheckpoint(new Checkpoint(Epoch.of(EPOCH - 2), Bytes32.ZERO))
                        .setCurrentJustifiedCheckpoint(
                            new Checkpoint(Epoch.of(EPOCH - 1), Bytes32.ZERO))
                        .setSlashing(EPOCH % 8192, Gwei.of(32_000_000_000L * 5)));
    state.hashTreeRoot();
    state.updated(
        m -> {
          workspace = EpochWorkspace.read(m, EPOCH);
          totals = ParticipationTotals.of(workspace, 1_000_000_000L);
        });
    changedBalances = workspace.balance.clone();
  }

  @Benchmark
  public BeaconState processEpoch() {
    return processor.processEpoch(state);
  }

  @Benchmark
  public Bytes32 processEpochAndRehash() {
    return processor.processEpoch(state).hashTreeRoot();
  }

  @Benchmark
  public EpochWorkspace readColumns() {
    EpochWorkspace[] out = new EpochWorkspace[1];
    state.updated(m -> out[0] = EpochWorkspace.read(m, EPOCH));
    return out[0];
  }

  @Benchmark
  public long rewardsAndPenaltiesPass() {
    rewards.apply(workspace, totals, false);
    return workspace.balance[0];
  }

  @Benchmark
  public ListView<Gwei> writeBalancesBulk() {
    bumpBalances();
    return PackedLists.withUInt64s(state.balances(), changedBalances);
  }

  @Benchmark
  public ListView<Gwei> writeBalancesOneByOne() {
    bumpBalances();
    return state
        .balances()
        .updated(
            list -> {
              for (int i = 0; i < changedBalances.length; i++) {
                list.set(i, Gwei.of(changedBalances[i]));
              }
            });
  }

  private void bumpBalances() {
    for (int i = 0; i < changedBalances.length; i++) {
      changedBalances[i]++;
    }
  }
}
