package io.basalt.beacon.transition.epoch;

import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.Validator;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.consensus.config.SpecConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.bytes.Bytes48;

/**
 * Hand-built states for epoch processing tests and benchmarks: made-up keys (no BLS work), every
 * validator active from epoch 0 at {@code MAX_EFFECTIVE_BALANCE}, the state at the last slot of an
 * epoch, distinct block roots and RANDAO mixes so that checkpoints and resets are checkable.
 */
public final class EpochStates {

  private EpochStates() {}

  /** {@code count} active validators with full balances, at the last slot of {@code epoch}. */
  public static BeaconState active(SpecConfig config, int count, long epoch) {
    List<Validator> validators = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      validators.add(validator(i, config.maxEffectiveBalance().value().longValue()));
    }
    long[] balances = new long[count];
    Arrays.fill(balances, config.maxEffectiveBalance().value().longValue());
    return build(config, validators, balances, new int[count], new int[count], epoch);
  }

  /** A state of the given registry, balances and participation flags (inactivity scores zero). */
  public static BeaconState build(
      SpecConfig config,
      List<Validator> validators,
      long[] balances,
      int[] previousFlags,
      int[] currentFlags,
      long epoch) {
    BeaconSchemas schemas = new BeaconSchemas(config);
    int count = validators.size();
    List<Gwei> balanceList = new ArrayList<>(count);
    List<Integer> previous = new ArrayList<>(count);
    List<Integer> current = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      balanceList.add(Gwei.of(balances[i]));
      previous.add(previousFlags[i]);
      current.add(currentFlags[i]);
    }
    List<Bytes32> roots = new ArrayList<>();
    for (int i = 0; i < config.slotsPerHistoricalRoot(); i++) {
      roots.add(root(0xb0, i));
    }
    List<Bytes32> mixes = new ArrayList<>();
    for (int i = 0; i < config.epochsPerHistoricalVector(); i++) {
      mixes.add(root(0xa0, i));
    }
    return schemas
        .emptyBeaconState()
        .updated(
            m ->
                m.setSlot(lastSlot(config, epoch))
                    .setValidators(schemas.validators().of(validators))
                    .setBalances(schemas.balances().of(balanceList))
                    .setPreviousEpochParticipation(schemas.participation().of(previous))
                    .setCurrentEpochParticipation(schemas.participation().of(current))
                    .setInactivityScores(
                        schemas.inactivityScores().of(Collections.nCopies(count, UInt64.ZERO)))
                    .setBlockRoots(schemas.blockRoots().of(roots))
                    .setRandaoMixes(schemas.randaoMixes().of(mixes)));
  }

  /** An active, unslashed validator with a made-up key and address. */
  public static Validator validator(int index, long effectiveBalance) {
    byte[] key = new byte[48];
    key[0] = (byte) 0xa0;
    key[1] = (byte) (index >>> 16);
    key[2] = (byte) (index >>> 8);
    key[3] = (byte) index;
    byte[] credentials = new byte[32];
    credentials[0] = 1;
    credentials[12] = (byte) 0xee;
    credentials[29] = (byte) (index >>> 16);
    credentials[30] = (byte) (index >>> 8);
    credentials[31] = (byte) index;
    return new Validator(
        Bytes48.wrap(key),
        Bytes32.wrap(credentials),
        Gwei.of(effectiveBalance),
        false,
        Epoch.ZERO,
        Epoch.ZERO,
        Validator.FAR_FUTURE_EPOCH,
        Validator.FAR_FUTURE_EPOCH);
  }

  /** The last slot of {@code epoch}: where {@code process_epoch} runs. */
  public static Slot lastSlot(SpecConfig config, long epoch) {
    return Slot.of((epoch + 1) * config.slotsPerEpoch() - 1);
  }

  /** A recognisable root: {@code tag} then the index. */
  public static Bytes32 root(int tag, int index) {
    return Bytes32.wrap(
        Bytes.concatenate(Bytes.of(tag), Bytes.wrap(new byte[27]), Bytes.ofUnsignedInt(index)));
  }

  /** Sum of every balance. */
  public static long totalBalance(BeaconState state) {
    long sum = 0;
    for (Gwei balance : state.balances().toList()) {
      sum += balance.value().longValue();
    }
    return sum;
  }
}
