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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validator nodes as separate OS processes on loopback, from a generated genesis (64 validators
 * split over three nodes), in one run: they reach finality; a node stopped with SIGTERM restarts
 * from its database and follows again, on every shard too; a node killed with SIGKILL restarts
 * consistent; a fourth node started late from genesis, killed with SIGKILL during its range sync
 * and restarted, loads a head it had fully imported, syncs the beacon chain and every shard to the
 * head and keeps following. At the end every node is stopped and the validator nodes' databases are
 * opened and compared: same finalized checkpoint, every shard crosslinked there, and each shard's
 * state at its crosslinked block the same on every node.
 */
class ValidatorNodesProcessTest {

  private static final int VALIDATOR_NODES = 3;
  private static final int SHARDS = 4;
  private static final Pattern IMPORTED_BATCH =
      Pattern.compile("Range sync imported \\d+ blocks of slots \\d+\\.\\.\\d+, up to slot (\\d+)");
  private static final Pattern CHAIN_LOADED =
      Pattern.compile("Chain loaded: head \\S+ at slot (\\d+)");

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

      // The restarted validator nodes' shards are back on every shard head too.
      awaitShardsFollow(net, 1, 120);
      awaitShardsFollow(net, 2, 120);

      // A node without validators started late range-syncs from genesis. SIGKILL it as soon as it
      // logs its first imported batch (it is importing the next ones), restart it: the head it
      // loads is at least the last block it logged as imported, and it syncs on from there.
      int late = VALIDATOR_NODES;
      net.start(late);
      Matcher batch = awaitLogLine(net, late, 0, IMPORTED_BATCH, 120);
      net.node(late).kill();
      long importedUpTo = Long.parseLong(batch.group(1));
      int restartOffset = net.node(late).logText().length();
      net.start(late);
      Matcher loaded = awaitLogLine(net, late, restartOffset, CHAIN_LOADED, 60);
      assertThat(Long.parseLong(loaded.group(1)))
          .as("head slot loaded after SIGKILL during range sync")
          .isGreaterThanOrEqualTo(importedUpTo);
      await(
          net,
          "late node synced to within two slots of node 0",
          () -> {
            OptionalDouble ours = net.node(late).metric("basalt_head_slot");
            OptionalDouble first = net.node(0).metric("basalt_head_slot");
            return ours.isPresent()
                && first.isPresent()
                && ours.getAsDouble() >= first.getAsDouble() - 2
                && ours.getAsDouble() > 0;
          },
          180);
      assertThat(net.node(late).logText().substring(restartOffset))
          .containsPattern("Range sync done: \\d+ blocks");
      // Every shard synced too, and keeps following the head.
      awaitShardsFollow(net, late, 120);
      double followFrom = net.node(0).metric("basalt_head_slot").orElse(0);
      await(
          net,
          "four more slots",
          () -> net.node(0).metric("basalt_head_slot").orElse(-1) >= followFrom + 4,
          60);
      awaitShardsFollow(net, late, 30);
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

  /** Every shard head of node {@code late} reaches node 0's (within two blocks). */
  private static void awaitShardsFollow(LocalNetwork net, int late, int seconds)
      throws InterruptedException {
    // (each node reports its shard heights half-way through a slot, so they compare)
    await(
        net,
        "node " + late + "'s shard heads reach node 0's",
        () -> {
          for (int shard = 0; shard < SHARDS; shard++) {
            String id = Integer.toString(shard);
            OptionalDouble theirs = net.node(0).metric("basalt_shard_head_height", "shard", id);
            OptionalDouble ours = net.node(late).metric("basalt_shard_head_height", "shard", id);
            if (theirs.isEmpty()
                || ours.isEmpty()
                || ours.getAsDouble() < theirs.getAsDouble() - 2
                || ours.getAsDouble() < 1) {
              return false;
            }
          }
          return true;
        },
        seconds);
  }

  /**
   * Waits for a line of node {@code index}'s log, after {@code offset}, that {@code pattern} finds.
   */
  private static Matcher awaitLogLine(
      LocalNetwork net, int index, int offset, Pattern pattern, int seconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      String text = net.node(index).logText();
      Matcher matcher = pattern.matcher(text.substring(Math.min(offset, text.length())));
      if (matcher.find()) {
        return matcher;
      }
      if (!net.node(index).isAlive()) {
        fail("Node " + index + " exited while waiting for " + pattern + net.logs());
      }
      Thread.sleep(20); // short: the line is the moment to act on
    }
    return fail("Timed out after " + seconds + " s waiting for " + pattern + net.logs());
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
    ProcessWaits.await(net, what, condition, seconds);
  }
}
