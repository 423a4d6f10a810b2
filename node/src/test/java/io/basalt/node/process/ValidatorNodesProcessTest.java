package io.basalt.node.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.basalt.beacon.chain.store.ChainStore;
import io.basalt.beacon.datastructures.shard.Crosslink;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.ShardId;
import io.basalt.consensus.types.Checkpoint;
import io.basalt.node.genesis.GenesisFiles;
import io.basalt.node.genesis.NodeGenesis;
import io.basalt.shard.chain.ShardChain;
import io.basalt.shard.state.ShardState;
import io.basalt.shard.transition.ShardProtocol;
import io.basalt.storage.KvStore;
import io.basalt.storage.rocksdb.RocksDbConfig;
import io.basalt.storage.rocksdb.RocksDbKvStore;
import io.basalt.storage.schema.BasaltSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.BooleanSupplier;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validator nodes as separate OS processes on loopback, from a generated genesis (64 validators
 * split over three nodes), in one run: they reach finality; a node stopped with SIGTERM restarts
 * from its database and follows again; a node killed with SIGKILL restarts consistent; a fourth
 * node started late from genesis syncs the beacon chain to the head. At the end every node is
 * stopped and the validator nodes' databases are opened and compared: same finalized checkpoint,
 * every shard crosslinked there, and each shard's state at its crosslinked block the same on every
 * node.
 */
class ValidatorNodesProcessTest {

  private static final int VALIDATOR_NODES = 3;

  @TempDir Path temp;

  @Test
  void nodesFinalizeRestartSyncAndAgree() throws Exception {
    try (LocalNetwork net = LocalNetwork.create(temp, VALIDATOR_NODES, 64, 12)) {
      for (int i = 0; i < VALIDATOR_NODES; i++) {
        net.start(i);
      }
      awaitAll(
          net,
          VALIDATOR_NODES,
          "finalized epoch >= 2 on every node",
          "basalt_finalized_epoch",
          2,
          300);

      // SIGTERM and restart: resumes from its database, follows the chain again.
      NodeProcess second = net.node(1);
      // The JVM reports 128 + SIGTERM after its shutdown hooks ran; the log shows the clean stop.
      assertThat(second.stop()).as("exit code after SIGTERM").isIn(0, 143);
      assertThat(second.logText()).contains("Node stopped");
      double headBefore = net.node(0).metric("basalt_head_slot").orElse(0);
      net.start(1);
      await(
          net,
          "restarted node 1 follows the head again",
          () -> net.node(1).metric("basalt_head_slot").orElse(-1) >= headBefore + 2,
          120);
      assertThat(net.node(1).logText()).containsPattern("Chain loaded: head \\S+ at slot [1-9]");

      // SIGKILL mid-run and restart: the database opens and the node goes on.
      net.node(2).kill();
      net.start(2);
      double headAtKill = net.node(0).metric("basalt_head_slot").orElse(0);
      await(
          net,
          "node 2 restarted after SIGKILL follows the head",
          () -> net.node(2).metric("basalt_head_slot").orElse(-1) >= headAtKill + 2,
          120);

      // A node without validators started late syncs the beacon chain from genesis. (Its shard
      // sync is not yet reliable: the final checks below cover the validator nodes.)
      net.start(VALIDATOR_NODES);
      await(
          net,
          "late node synced to within two slots of node 0",
          () -> {
            OptionalDouble late = net.node(VALIDATOR_NODES).metric("basalt_head_slot");
            OptionalDouble first = net.node(0).metric("basalt_head_slot");
            return late.isPresent()
                && first.isPresent()
                && late.getAsDouble() >= first.getAsDouble() - 2
                && late.getAsDouble() > 0;
          },
          180);
      double finalizedNow = net.node(0).metric("basalt_finalized_epoch").orElse(0);
      awaitAll(
          net,
          VALIDATOR_NODES,
          "finality advances after the restarts",
          "basalt_finalized_epoch",
          finalizedNow + 1,
          200);

      for (int i = 0; i < net.size(); i++) {
        assertThat(net.node(i).stop()).as("node %d exit code", i).isIn(0, 143);
        assertThat(net.node(i).logText()).as("node %d log", i).contains("Node stopped");
      }
      assertDatabasesAgree(net);
    }
  }

  private void assertDatabasesAgree(LocalNetwork net) throws Exception {
    NodeGenesis genesis = GenesisFiles.read(net.genesisDir());
    ShardProtocol protocol = ShardProtocol.create(genesis.config(), genesis.state().schemas());
    List<Checkpoint> finalized = new ArrayList<>();
    List<List<Bytes32>> shardStateRoots = new ArrayList<>();
    for (int i = 0; i < VALIDATOR_NODES; i++) {
      try (KvStore kv =
          RocksDbKvStore.open(
              net.dataDir(i).resolve("chain"), RocksDbConfig.defaults(), BasaltSchema.SCHEMA)) {
        ChainStore store = ChainStore.load(kv, genesis.state().schemas()).orElseThrow();
        Checkpoint checkpoint = store.finalizedCheckpoint();
        finalized.add(checkpoint);
        BeaconState state = store.storedState(checkpoint.root()).orElseThrow();
        List<Bytes32> roots = new ArrayList<>();
        for (int shard = 0; shard < genesis.config().shardCount(); shard++) {
          Crosslink crosslink = state.latestCrosslinks().get(shard);
          assertThat(crosslink.shardBlockRoot())
              .as("node %d: shard %d crosslinked in the finalized state", i, shard)
              .isNotEqualTo(Bytes32.ZERO);
          ShardState genesisShard =
              io.basalt.shard.state.ShardGenesis.create(
                  protocol.schemas(),
                  ShardId.of(shard),
                  genesis.allocations(),
                  store.genesisRoot(),
                  new io.basalt.execution.trie.KvNodeStore(kv));
          ShardChain chain =
              ShardChain.open(ShardId.of(shard), genesisShard, kv, protocol.transition());
          ShardState crosslinked = chain.stateAfter(crosslink.shardBlockRoot()).orElseThrow();
          roots.add(crosslinked.accountsRoot());
        }
        shardStateRoots.add(roots);
      }
    }
    assertThat(finalized).as("finalized checkpoints").allMatch(c -> c.equals(finalized.get(0)));
    assertThat(finalized.get(0).epoch().value().longValue()).isGreaterThanOrEqualTo(3);
    assertThat(shardStateRoots).as("shard states").allMatch(r -> r.equals(shardStateRoots.get(0)));
  }

  private static void awaitAll(
      LocalNetwork net, int nodes, String what, String metric, double atLeast, int seconds)
      throws InterruptedException {
    await(
        net,
        what,
        () -> {
          for (int i = 0; i < nodes; i++) {
            if (net.node(i).metric(metric).orElse(-1) < atLeast) {
              return false;
            }
          }
          return true;
        },
        seconds);
  }

  private static void await(LocalNetwork net, String what, BooleanSupplier condition, int seconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return;
      }
      for (int i = 0; i < net.size(); i++) {
        if (net.node(i) != null && !net.node(i).isAlive()) {
          fail("Node " + i + " exited while waiting for: " + what + net.logs());
        }
      }
      Thread.sleep(1000);
    }
    fail("Timed out after " + seconds + " s waiting for: " + what + net.logs());
  }
}
