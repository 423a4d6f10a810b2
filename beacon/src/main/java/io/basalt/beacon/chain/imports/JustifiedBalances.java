package io.basalt.beacon.chain.imports;

import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.RegistryColumns;
import io.basalt.common.types.Epoch;
import io.basalt.consensus.forkchoice.EffectiveBalances;

/** Fork choice weights from a justified state: effective balance if active and not slashed. */
final class JustifiedBalances {

  private JustifiedBalances() {}

  // spec: get_weight (the balances it sums)
  static EffectiveBalances of(BeaconState state, Epoch epoch) {
    RegistryColumns registry = RegistryColumns.of(state);
    long[] gwei = new long[registry.size()];
    for (int i = 0; i < gwei.length; i++) {
      if (registry.isActive(i, epoch) && !registry.slashed(i)) {
        gwei[i] = registry.effectiveBalance(i);
      }
    }
    return EffectiveBalances.ofGwei(gwei);
  }
}
