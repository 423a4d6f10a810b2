package io.basalt.beacon.testing;

import io.basalt.beacon.genesis.GenesisBuilder;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.config.SpecConfigLoader;

/** Shared fixtures: the local config and a 64-validator interop genesis (built once). */
public final class TestStates {

  public static final SpecConfig LOCAL = SpecConfigLoader.load("local");
  public static final UInt64 GENESIS_TIME = UInt64.valueOf(1_700_000_000L);

  private static BeaconState genesis64;

  private TestStates() {}

  /** The interop genesis of 64 validators under the local preset. */
  public static synchronized BeaconState genesis64() {
    if (genesis64 == null) {
      genesis64 = GenesisBuilder.interop(LOCAL, 64, GENESIS_TIME);
    }
    return genesis64;
  }

  /** {@code state} moved to {@code slot} with nothing else changed (no slot processing). */
  public static BeaconState atSlot(BeaconState state, long slot) {
    return state.updated(m -> m.setSlot(Slot.of(slot)));
  }
}
