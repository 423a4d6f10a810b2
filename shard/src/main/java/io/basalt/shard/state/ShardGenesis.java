package io.basalt.shard.state;

import io.basalt.beacon.datastructures.shard.ShardOutbox;
import io.basalt.common.types.Address;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.execution.state.Account;
import io.basalt.execution.state.Wei;
import io.basalt.execution.state.WorldState;
import io.basalt.execution.trie.NodeStore;
import io.basalt.shard.datastructures.ShardSchemas;
import java.math.BigInteger;
import java.util.Collections;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes32;

/** The state of a shard before its first block: the genesis allocations and nothing sent. */
public final class ShardGenesis {

  private ShardGenesis() {}

  /**
   * Writes the allocations' trie to {@code store} and returns the genesis state.
   *
   * @param beaconGenesisRoot the root of the beacon genesis block, the first blocks' anchor
   */
  public static ShardState create(
      ShardSchemas schemas,
      ShardId shard,
      Map<Address, Wei> allocations,
      Bytes32 beaconGenesisRoot,
      NodeStore store) {
    WorldState world = WorldState.empty(store);
    allocations.forEach((address, balance) -> world.put(address, Account.of(UInt64.ZERO, balance)));
    Bytes32 accountsRoot = world.commit();
    int shardCount = schemas.config().shardCount();
    return new ShardState(
        shard,
        Slot.ZERO,
        Bytes32.ZERO,
        beaconGenesisRoot,
        accountsRoot,
        BigInteger.valueOf(schemas.config().initialBaseFeePerGas().longValue()),
        ShardOutbox.empty(schemas.outbox()),
        Collections.nCopies(shardCount, UInt64.ZERO),
        UInt64.ZERO);
  }
}
