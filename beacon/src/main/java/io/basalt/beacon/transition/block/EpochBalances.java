package io.basalt.beacon.transition.block;

import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.RegistryColumns;
import io.basalt.common.types.Epoch;
import io.basalt.consensus.config.SpecConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The effective balances and total active balance of an epoch, read with one registry walk and
 * shared by every block of the epoch (attestation rewards and crosslink weights need them; a walk
 * per block would cost more than the rest of attestation processing). Thread-safe.
 *
 * <p>Why the cache is exact: within an epoch no block operation changes an effective balance
 * (slashing and top-ups change balances only; deposits append new, inactive validators) nor the
 * active set (activations and exits take effect at later epochs). Both are fixed by the state at
 * the epoch's first slot, which is a function of the latest block before that slot: the key is
 * {@code (epoch, block root at start_slot(epoch) - 1)} (the genesis validators root in epoch 0).
 * Indices appended after the walk are read from the state.
 */
final class EpochBalances {

  private static final int CAPACITY = 8;

  /** One epoch's values; {@link #effectiveBalance} falls back to the state for newer indices. */
  static final class Balances {
    private final long[] effectiveBalances;
    private final long totalActiveBalance;

    private Balances(long[] effectiveBalances, long totalActiveBalance) {
      this.effectiveBalances = effectiveBalances;
      this.totalActiveBalance = totalActiveBalance;
    }

    long effectiveBalance(BeaconState state, int index) {
      return index < effectiveBalances.length
          ? effectiveBalances[index]
          : state.validators().get(index).effectiveBalance().value().bits();
    }

    /** {@code get_total_active_balance}, with its {@code EFFECTIVE_BALANCE_INCREMENT} floor. */
    long totalActiveBalance() {
      return totalActiveBalance;
    }
  }

  private record Key(long epoch, Bytes32 dependentRoot) {}

  private final SpecConfig config;
  private final BeaconStateAccessors accessors;
  private final Map<Key, Balances> entries =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Balances> eldest) {
          return size() > CAPACITY;
        }
      };

  EpochBalances(SpecConfig config, BeaconStateAccessors accessors) {
    this.config = config;
    this.accessors = accessors;
  }

  Balances get(BeaconState state) {
    Epoch epoch = accessors.getCurrentEpoch(state);
    Bytes32 dependentRoot =
        epoch.equals(Epoch.ZERO)
            ? state.genesisValidatorsRoot()
            : accessors.getBlockRootAtSlot(
                state, accessors.misc().computeStartSlotAtEpoch(epoch).minus(1));
    Key key = new Key(epoch.value().longValue(), dependentRoot);
    synchronized (entries) {
      Balances cached = entries.get(key);
      if (cached != null) {
        return cached;
      }
    }
    Balances computed = compute(state, epoch);
    synchronized (entries) {
      entries.put(key, computed);
    }
    return computed;
  }

  private Balances compute(BeaconState state, Epoch epoch) {
    RegistryColumns registry = RegistryColumns.of(state);
    long[] effective = new long[registry.size()];
    long total = 0;
    for (int i = 0; i < effective.length; i++) {
      effective[i] = registry.effectiveBalance(i);
      if (registry.isActive(i, epoch)) {
        total += effective[i];
      }
    }
    long increment = config.effectiveBalanceIncrement().value().longValue();
    return new Balances(effective, Math.max(total, increment));
  }
}
