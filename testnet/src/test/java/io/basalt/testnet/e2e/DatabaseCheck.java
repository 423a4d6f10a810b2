package io.basalt.testnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.chain.store.ChainStore;
import io.basalt.beacon.datastructures.shard.Crosslink;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.Validator;
import io.basalt.common.types.ShardId;
import io.basalt.consensus.types.Checkpoint;
import io.basalt.execution.trie.KvNodeStore;
import io.basalt.node.genesis.NodeGenesis;
import io.basalt.shard.chain.ShardChain;
import io.basalt.shard.state.ShardGenesis;
import io.basalt.shard.state.ShardState;
import io.basalt.shard.transition.ShardProtocol;
import io.basalt.storage.KvStore;
import io.basalt.storage.rocksdb.RocksDbConfig;
import io.basalt.storage.rocksdb.RocksDbKvStore;
import io.basalt.storage.schema.BasaltSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/**
 * What a stopped node's database says: its finalized checkpoint, the accounts root of each shard at
 * the block crosslinked in the finalized state, and whether any validator is slashed at its head.
 */
record DatabaseCheck(
    Checkpoint finalized, List<Optional<Bytes32>> crosslinkedShardRoots, long slashed) {

  static DatabaseCheck of(Path nodeDataDir, NodeGenesis genesis) throws Exception {
    ShardProtocol protocol = ShardProtocol.create(genesis.config(), genesis.state().schemas());
    try (KvStore kv =
        RocksDbKvStore.open(
            nodeDataDir.resolve("chain"), RocksDbConfig.defaults(), BasaltSchema.SCHEMA)) {
      ChainStore store = ChainStore.load(kv, genesis.state().schemas()).orElseThrow();
      Checkpoint finalized = store.finalizedCheckpoint();
      BeaconState finalizedState = store.storedState(finalized.root()).orElseThrow();
      List<Optional<Bytes32>> roots = new ArrayList<>();
      for (int shard = 0; shard < genesis.config().shardCount(); shard++) {
        Crosslink crosslink = finalizedState.latestCrosslinks().get(shard);
        assertThat(crosslink.shardBlockRoot())
            .as("%s: shard %d crosslinked in the finalized state", nodeDataDir, shard)
            .isNotEqualTo(Bytes32.ZERO);
        ShardState shardGenesis =
            ShardGenesis.create(
                protocol.schemas(),
                ShardId.of(shard),
                genesis.allocations(),
                store.genesisRoot(),
                new KvNodeStore(kv));
        ShardChain chain =
            ShardChain.open(ShardId.of(shard), shardGenesis, kv, protocol.transition());
        roots.add(chain.stateAfter(crosslink.shardBlockRoot()).map(ShardState::accountsRoot));
      }
      BeaconState head = store.storedState(store.headRoot()).orElse(finalizedState);
      long slashed = head.validators().toList().stream().filter(Validator::slashed).count();
      return new DatabaseCheck(finalized, roots, slashed);
    }
  }
}
