package io.basalt.testnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.node.genesis.GenesisFiles;
import io.basalt.node.genesis.NodeGenesis;
import io.basalt.testnet.TestPorts;
import io.basalt.testnet.Testnet;
import io.basalt.testnet.TestnetException;
import io.basalt.testnet.TestnetSpec;
import io.basalt.testnet.status.NodeStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's testnet as real processes, one run in ordered steps sharing the nodes: 4 nodes,
 * 128 validators, 4 shards reach finality (epoch ≥ 3) with every shard advancing; a node killed
 * with SIGKILL restarts from disk and catches up; a 5th node without validators added after 3
 * epochs syncs to the head; a 2|2 partition stops finality and healing resumes it. At the end the
 * nodes are stopped and their databases agree on the finalized checkpoint (every shard crosslinked,
 * same shard state), no validator is slashed, and the slashing protection exported from every node
 * shows no slashable pair of messages.
 *
 * <p>Heavy: run it under {@code flock /tmp/basalt-heavy.lock}.
 */
class TestnetProcessTest {

  private static final int NODES = 4;

  @TempDir Path temp;

  @Test
  void testnetFinalizesSurvivesKillSyncsLateNodeAndRecoversFromPartition() throws Exception {
    TestnetSpec spec =
        new TestnetSpec(
            NODES,
            128,
            4,
            "local",
            temp.resolve("data"),
            TestPorts.freeLayout(NODES + 1),
            "384m",
            25,
            0);
    try (Testnet testnet = Testnet.create(spec)) {
      Waiter wait = new Waiter(testnet);
      testnet.startAll();
      long epochSeconds =
          testnet.config().secondsPerSlot().longValue() * testnet.config().slotsPerEpoch();

      // 1. Finality and shard progress.
      wait.untilAll(NODES, "finalized epoch >= 3 on every node", s -> s.finalizedEpoch() >= 3, 420);
      wait.untilAll(
          NODES,
          "every shard advanced on every node",
          s -> s.shardHeights().stream().allMatch(h -> h > 0),
          60);
      assertThat(testnet.status(0).peers()).as("node 0 peers (full mesh)").isEqualTo(NODES - 1);

      // 2. SIGKILL mid-run, restart from disk, catch up.
      testnet.kill(3);
      assertThat(testnet.isRunning(3)).isFalse();
      long headAtKill = testnet.status(0).headSlot();
      testnet.start(3);
      wait.until(
          "node 3 restarted after SIGKILL follows the head",
          () -> testnet.status(3).headSlot() >= headAtKill + 2,
          150);
      assertThat(Files.readString(testnet.node(3).log()))
          .containsPattern("Chain loaded: head \\S+ at slot [1-9]");

      // 3. A 5th node without validators, added after 3 epochs, syncs from genesis.
      int late = testnet.addNode();
      assertThat(late).isEqualTo(NODES);
      wait.until(
          "late node within two slots of node 0",
          () -> {
            NodeStatus lateStatus = testnet.status(late);
            return lateStatus.up()
                && lateStatus.headSlot() > 0
                && lateStatus.headSlot() >= testnet.status(0).headSlot() - 2;
          },
          240);

      // 4. Partition 2|2 (the validator-less node goes with 0 and 1).
      testnet.partition(List.of(Set.of(0, 1, late), Set.of(2, 3)));
      wait.untilAll(NODES, "partition: at most 2 peers each", s -> s.peers() <= 2, 30);
      // Votes cast before the split may still justify the current epoch: let two epochs pass.
      Thread.sleep(2 * epochSeconds * 1000);
      List<Long> frozen = finalizedEpochs(testnet);
      Thread.sleep(3 * epochSeconds * 1000);
      assertThat(finalizedEpochs(testnet))
          .as("no new finalized epoch during three partitioned epochs")
          .isEqualTo(frozen);
      assertThat(testnet.status(0).peers()).isLessThanOrEqualTo(2);
      long frozenMax = frozen.stream().mapToLong(Long::longValue).max().orElseThrow();

      // 5. Heal: the halves reconnect and finality resumes.
      testnet.heal();
      wait.untilAll(NODES, "healed: peers reconnect", s -> s.peers() >= NODES - 1, 60);
      wait.untilAll(NODES, "finality resumes after heal", s -> s.finalizedEpoch() > frozenMax, 300);

      // 6. Stop everything cleanly and compare what the nodes wrote.
      for (int k = 0; k <= late; k++) {
        assertThat(testnet.stop(k))
            .as("node %d exit code", k)
            .hasValueSatisfying(code -> assertThat(code).isIn(0, 143));
        assertThat(Files.readString(testnet.node(k).log()))
            .as("node %d log", k)
            .contains("Node stopped");
      }
      NodeGenesis genesis = GenesisFiles.read(testnet.genesisDir());
      List<DatabaseCheck> checks = new ArrayList<>();
      SlashingCheck slashing = new SlashingCheck();
      for (int k = 0; k < NODES; k++) {
        checks.add(DatabaseCheck.of(testnet.node(k).dataDir(), genesis));
        slashing.add(testnet.node(k).dataDir(), temp.resolve("slashing-" + k + ".json"));
      }
      assertThat(checks)
          .extracting(DatabaseCheck::finalized)
          .containsOnly(checks.get(0).finalized());
      assertThat(checks.get(0).finalized().epoch().value().longValue()).isGreaterThan(frozenMax);
      // Every node holds every shard's crosslinked state, the same on all: the nodes whose fork
      // lost during the partition fetched the shard blocks the other side made meanwhile.
      for (int shard = 0; shard < testnet.config().shardCount(); shard++) {
        List<Optional<Bytes32>> roots = new ArrayList<>();
        for (DatabaseCheck check : checks) {
          roots.add(check.crosslinkedShardRoots().get(shard));
        }
        assertThat(roots)
            .as("shard %d crosslinked state roots by node", shard)
            .allMatch(Optional::isPresent)
            .containsOnly(roots.get(0));
      }
      assertThat(checks).extracting(DatabaseCheck::slashed).containsOnly(0L);
      slashing.assertNoSlashableVotes();
      assertThat(slashing.validators()).isEqualTo(128);
      assertThat(slashing.signedAttestations()).isGreaterThan(128);
    }
  }

  private static List<Long> finalizedEpochs(Testnet testnet) throws TestnetException {
    List<Long> epochs = new ArrayList<>();
    for (int k = 0; k < NODES; k++) {
      epochs.add(testnet.status(k).finalizedEpoch());
    }
    return epochs;
  }
}
