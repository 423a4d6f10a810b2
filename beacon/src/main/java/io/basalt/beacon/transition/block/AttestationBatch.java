package io.basalt.beacon.transition.block;

import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.MutableBeaconState;
import io.basalt.common.ssz.view.ListView;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * What the attestations of one block share, read lazily from the state before them: effective
 * balances (from the {@link EpochBalances} cache), the base reward per increment, the proposer, and
 * the two participation lists as arrays. Flag changes are written back by {@link #apply} in one go.
 * Single-threaded; one per block.
 */
final class AttestationBatch {

  private final SpecConfig config;
  private final BeaconSchemas schemas;
  private final BeaconStateAccessors accessors;
  private final BeaconState state;
  private final EpochBalances epochBalances;
  private EpochBalances.Balances balances;
  private long baseRewardPerIncrement = -1;
  private ValidatorIndex proposer;
  private final EpochFlags current = new EpochFlags();
  private final EpochFlags previous = new EpochFlags();

  AttestationBatch(
      SpecConfig config,
      BeaconSchemas schemas,
      BeaconStateAccessors accessors,
      EpochBalances epochBalances,
      BeaconState state) {
    this.config = config;
    this.epochBalances = epochBalances;
    this.schemas = schemas;
    this.accessors = accessors;
    this.state = state;
  }

  /** The effective balance of validator {@code index}. */
  long effectiveBalance(int index) {
    if (balances == null) {
      balances = epochBalances.get(state);
    }
    return balances.effectiveBalance(state, index);
  }

  /** {@code effective_balance / EFFECTIVE_BALANCE_INCREMENT * base_reward_per_increment}. */
  // spec: get_base_reward
  long baseReward(int index) {
    long increments =
        effectiveBalance(index) / config.effectiveBalanceIncrement().value().longValue();
    return increments * baseRewardPerIncrement();
  }

  // spec: get_base_reward_per_increment
  private long baseRewardPerIncrement() {
    if (baseRewardPerIncrement < 0) {
      if (balances == null) {
        balances = epochBalances.get(state);
      }
      baseRewardPerIncrement =
          accessors.misc().baseRewardPerIncrement(balances.totalActiveBalance());
    }
    return baseRewardPerIncrement;
  }

  void rewardProposer(MutableBeaconState target, Gwei reward) {
    if (reward.equals(Gwei.ZERO)) {
      return;
    }
    if (proposer == null) {
      proposer = accessors.getBeaconProposerIndex(state);
    }
    int index = proposer.intValue();
    target.setBalance(index, target.balances().get(index).plus(reward));
  }

  int flags(boolean currentEpoch, int index) {
    return (currentEpoch ? current : previous).get(currentEpoch, index);
  }

  void setFlags(boolean currentEpoch, int index, int flags) {
    (currentEpoch ? current : previous).set(index, flags);
  }

  /** Writes the changed flags to {@code target}. */
  void apply(MutableBeaconState target) {
    if (current.changed.cardinality() > 0) {
      target.setCurrentEpochParticipation(current.writeTo(target.currentEpochParticipation()));
    }
    if (previous.changed.cardinality() > 0) {
      target.setPreviousEpochParticipation(previous.writeTo(target.previousEpochParticipation()));
    }
  }

  /** One epoch's participation, read once as an array, with the changed indices. */
  private final class EpochFlags {
    private int[] flags;
    private final BitSet changed = new BitSet();

    int get(boolean currentEpoch, int index) {
      if (flags == null) {
        ListView<Integer> list =
            currentEpoch ? state.currentEpochParticipation() : state.previousEpochParticipation();
        List<Integer> values = list.toList();
        flags = new int[values.size()];
        for (int i = 0; i < flags.length; i++) {
          flags[i] = values.get(i);
        }
      }
      return flags[index];
    }

    void set(int index, int value) {
      flags[index] = value;
      changed.set(index);
    }

    /**
     * The list with the changes: element by element when few changed, else rebuilt whole (a
     * path-copy per element costs more than one rebuild once a sizeable share changes).
     */
    ListView<Integer> writeTo(ListView<Integer> list) {
      if ((long) changed.cardinality() * 16 < flags.length) {
        ListView<Integer> updated = list;
        for (int i = changed.nextSetBit(0); i >= 0; i = changed.nextSetBit(i + 1)) {
          updated = updated.set(i, flags[i]);
        }
        return updated;
      }
      List<Integer> values = new ArrayList<>(flags.length);
      for (int value : flags) {
        values.add(value);
      }
      return schemas.participation().of(values);
    }
  }
}
