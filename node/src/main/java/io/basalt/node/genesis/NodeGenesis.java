package io.basalt.node.genesis;

import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.Address;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.execution.state.Wei;
import java.util.Map;
import java.util.Objects;

/**
 * What a node needs to start a chain: its spec config, genesis beacon state, shard allocations.
 *
 * @param allocations the balances every shard starts with (the same on each shard), in the form
 *     {@code ShardGenesis.create} takes
 */
public record NodeGenesis(SpecConfig config, BeaconState state, Map<Address, Wei> allocations) {

  public NodeGenesis {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(state, "state");
    allocations = Map.copyOf(allocations);
  }
}
