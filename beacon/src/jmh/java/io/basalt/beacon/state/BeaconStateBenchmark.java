package io.basalt.beacon.state;

import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.config.SpecConfigLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.bytes.Bytes48;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Reading and updating a mainnet-preset beacon state with a million validators: what epoch
 * processing needs (walk every validator and balance once) and what block processing does (change
 * one balance, re-root). The one-by-one read is there for contrast with the single-walk bulk read.
 * {@code readRegistryColumns} is the epoch-processing read: numeric fields and balances as
 * primitive columns, no record per validator. The validators' keys are distinct made-up bytes (no
 * BLS work in the setup).
 */
@State(Scope.Benchmark)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx6g", "-Xms6g"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BeaconStateBenchmark {

  @Param("1000000")
  public int validatorCount;

  private BeaconStateAccessors accessors;
  private BeaconState state;
  private int next;

  @Setup
  public void setUp() {
    SpecConfig config = SpecConfigLoader.load("mainnet");
    BeaconSchemas schemas = new BeaconSchemas(config);
    accessors = new BeaconStateAccessors(config);
    List<Validator> validators = new ArrayList<>(validatorCount);
    List<Gwei> balances = new ArrayList<>(validatorCount);
    for (int i = 0; i < validatorCount; i++) {
      byte[] key = new byte[48];
      key[0] = (byte) 0xa0;
      key[1] = (byte) (i >>> 16);
      key[2] = (byte) (i >>> 8);
      key[3] = (byte) i;
      validators.add(
          new Validator(
              Bytes48.wrap(key),
              Bytes32.wrap(Bytes.concatenate(Bytes.of(1), Bytes.wrap(new byte[31]))),
              config.maxEffectiveBalance(),
              false,
              Epoch.ZERO,
              Epoch.ZERO,
              Validator.FAR_FUTURE_EPOCH,
              Validator.FAR_FUTURE_EPOCH));
      balances.add(config.maxEffectiveBalance().plus(Gwei.of(i % 1000)));
    }
    state =
        schemas
            .emptyBeaconState()
            .updated(
                m ->
                    m.setValidators(schemas.validators().of(validators))
                        .setBalances(schemas.balances().of(balances)));
    state.hashTreeRoot();
  }

  @Benchmark
  public long readAllValidatorsAndBalances() {
    List<Validator> validators = state.validators().toList();
    List<Gwei> balances = state.balances().toList();
    long active = 0;
    for (int i = 0; i < validators.size(); i++) {
      if (!validators.get(i).slashed() && !balances.get(i).value().isZero()) {
        active++;
      }
    }
    return active;
  }

  @Benchmark
  public long readRegistryColumns() {
    RegistryColumns columns = RegistryColumns.of(state);
    long total = 0;
    for (int i = 0; i < columns.size(); i++) {
      if (!columns.slashed(i)) {
        total += columns.balance(i);
      }
    }
    return total;
  }

  @Benchmark
  public long readAllValidatorsOneByOne() {
    long slashed = 0;
    for (long i = 0; i < state.validators().size(); i++) {
      if (state.validators().get(i).slashed()) {
        slashed++;
      }
    }
    return slashed;
  }

  @Benchmark
  public int activeValidatorIndices() {
    return accessors.getActiveValidatorIndices(state, Epoch.ZERO).size();
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Bytes32 oneBalanceChangeAndReroot() {
    int index = next;
    next = (next + 7919) % validatorCount;
    return state
        .updated(m -> m.setBalance(index, m.balances().get(index).plus(Gwei.of(1))))
        .hashTreeRoot();
  }

  @Benchmark
  public ValidatorIndex proposerIndexWithFreshShuffle() {
    // A fresh accessor each time: the active-set walk and the 1M shuffle, no cache.
    return new BeaconStateAccessors(state.schemas().config()).getBeaconProposerIndex(state);
  }
}
