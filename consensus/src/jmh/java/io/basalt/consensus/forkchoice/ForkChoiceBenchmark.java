package io.basalt.consensus.forkchoice;

import io.basalt.common.types.Epoch;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.config.SpecConfigLoader;
import io.basalt.consensus.types.Checkpoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link ForkChoice#getHead()} (compute deltas, apply score changes, find head) with a million
 * validators' latest votes spread over a tree of a few hundred blocks, after a fraction of the
 * validators moved their vote to newer blocks since the previous head computation. The vote changes
 * are made in the per-invocation setup and not measured. Mainnet preset.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ForkChoiceBenchmark {

  private static final long GENESIS_TIME = 1_000_000;

  @Param({"1000000"})
  public int validatorCount;

  @Param({"300"})
  public int blockCount;

  /** Percent of validators whose vote changed since the last head computation. */
  @Param({"3", "25"})
  public int changedPercent;

  private SpecConfig config;
  private ForkChoice forkChoice;
  private Bytes32[] roots;
  private final Random random = new Random(42);
  private long epoch;

  @Setup(Level.Trial)
  public void setUp() throws ForkChoiceException {
    config = SpecConfigLoader.load("mainnet");
    Bytes32 genesis = root(0);
    long[] balances = new long[validatorCount];
    Arrays.fill(balances, 32_000_000_000L);
    InMemoryForkChoiceStore store =
        new InMemoryForkChoiceStore(
            UInt64.valueOf(GENESIS_TIME),
            UInt64.valueOf(GENESIS_TIME),
            new Checkpoint(Epoch.ZERO, genesis),
            EffectiveBalances.ofGwei(balances));
    forkChoice = ForkChoice.fromAnchor(config, store, Slot.ZERO, Optional.empty(), () -> true);
    tickTo(blockCount + 1);
    roots = new Bytes32[blockCount + 1];
    roots[0] = genesis;
    Checkpoint anchor = store.justifiedCheckpoint();
    // A main chain with short side forks: each block builds on one of the last few blocks.
    for (int i = 1; i <= blockCount; i++) {
      roots[i] = root(i);
      int parent = Math.max(0, i - 1 - random.nextInt(4));
      forkChoice.onBlock(
          Slot.of(i), roots[i], roots[parent], Optional.empty(), anchor, anchor, false);
    }
    epoch = currentEpoch();
    voteFor(validatorCount);
    forkChoice.getHead();
  }

  @Setup(Level.Invocation)
  public void moveSomeVotes() {
    epoch++;
    tickTo((epoch + 1) * config.slotsPerEpoch());
    voteFor((int) ((long) validatorCount * changedPercent / 100));
  }

  @Benchmark
  public Bytes32 getHead() throws ForkChoiceException {
    return forkChoice.getHead();
  }

  /** {@code count} random validators vote for random blocks, biased towards recent ones. */
  private void voteFor(int count) {
    List<List<ValidatorIndex>> byBlock = new ArrayList<>();
    for (int i = 0; i <= blockCount; i++) {
      byBlock.add(new ArrayList<>());
    }
    for (int n = 0; n < count; n++) {
      int validator = count == validatorCount ? n : random.nextInt(validatorCount);
      int block = blockCount - Math.min(blockCount, (int) Math.abs(random.nextGaussian() * 40));
      byBlock.get(block).add(ValidatorIndex.of(validator));
    }
    for (int i = 0; i <= blockCount; i++) {
      forkChoice.onAttestation(byBlock.get(i), roots[i], Epoch.of(epoch));
    }
  }

  private void tickTo(long slot) {
    forkChoice.onTick(UInt64.valueOf(GENESIS_TIME + slot * config.secondsPerSlot().longValue()));
  }

  private long currentEpoch() {
    return forkChoice.currentEpoch().value().longValue();
  }

  private static Bytes32 root(long n) {
    return Bytes32.leftPad(Bytes.ofUnsignedLong(n + 1));
  }
}
