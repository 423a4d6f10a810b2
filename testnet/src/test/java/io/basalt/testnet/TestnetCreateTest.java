package io.basalt.testnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.execution.contracts.SystemContracts;
import io.basalt.node.genesis.GenesisFiles;
import io.basalt.node.genesis.NodeGenesis;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Testnet#create} without starting processes: what it writes, and the pre-flight errors that
 * leave nothing behind.
 */
class TestnetCreateTest {

  @TempDir Path temp;

  private TestnetSpec spec(int nodes, int validators, int shards) {
    return new TestnetSpec(
        nodes,
        validators,
        shards,
        "local",
        temp.resolve("data"),
        TestPorts.freeLayout(nodes),
        "384m",
        30,
        2);
  }

  @Test
  void shouldWriteGenesisNodeKeysAndTestnetJson() throws Exception {
    TestnetSpec spec = spec(2, 16, 2);
    try (Testnet testnet = Testnet.create(spec)) {
      NodeGenesis genesis = GenesisFiles.read(testnet.genesisDir());
      assertThat(genesis.state().validators().size()).isEqualTo(16);
      assertThat(genesis.config().shardCount()).isEqualTo(2);
      // 10 dev accounts plus 2 load accounts funded.
      assertThat(genesis.allocations()).hasSize(12);
      assertThat(genesis.allocations())
          .containsKeys(
              testnet.devAccounts().get(0).address(), testnet.loadAccounts().get(1).address());
      assertThat(testnet.devAccounts().get(0).address().toHexString())
          .isEqualToIgnoringCase("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");

      JsonNode info = TestnetInfo.read(spec.dataDir());
      assertThat(info.get("shardCount").asInt()).isEqualTo(2);
      assertThat(info.get("validatorCount").asInt()).isEqualTo(16);
      assertThat(info.get("preset").asText()).isEqualTo("local");
      assertThat(info.get("genesisTime").asLong()).isEqualTo(testnet.genesisTime());
      assertThat(info.at("/chainIds/1").asLong())
          .isEqualTo(testnet.config().chainIdBase().longValue() + 1);
      assertThat(info.at("/systemContracts/CrossShard").asText())
          .isEqualTo(SystemContracts.CROSS_SHARD.toHexString());
      assertThat(info.get("devAccounts")).hasSize(10);
      assertThat(info.at("/devAccounts/0/privateKey").asText())
          .isEqualTo("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
      JsonNode node1 = info.at("/nodes/1");
      NodeSetup setup = testnet.node(1);
      assertThat(node1.get("rpc").asText()).isEqualTo("http://127.0.0.1:" + spec.ports().rpc(1));
      assertThat(node1.at("/shardRpc/1").asText())
          .isEqualTo("http://127.0.0.1:" + spec.ports().rpc(1) + "/shard/1");
      assertThat(node1.get("p2p").asText())
          .isEqualTo("/ip4/127.0.0.1/tcp/" + spec.ports().p2p(1) + "/p2p/" + setup.peerId());
      assertThat(node1.get("metrics").asText()).endsWith(spec.ports().metrics(1) + "/metrics");
      assertThat(node1.get("ws").asText()).startsWith("ws://");
      // The key the node will load is the one whose peer id was announced.
      assertThat(Files.readString(setup.dataDir().resolve("p2p").resolve("node-key"))).isNotBlank();
      assertThat(setup.validatorKeys()).isPresent();
      assertThat(Files.list(setup.validatorKeys().get())).hasSize(8);
    }
  }

  @Test
  void shouldStartFreshAndRefuseADirectoryThatIsNotATestnets() throws Exception {
    TestnetSpec spec = spec(1, 8, 1);
    long first;
    try (Testnet testnet = Testnet.create(spec)) {
      first = testnet.genesisTime();
      Files.writeString(testnet.node(0).dataDir().resolve("stale"), "x");
    }
    try (Testnet again = Testnet.create(spec)) {
      assertThat(again.node(0).dataDir().resolve("stale")).doesNotExist();
      assertThat(again.genesisTime()).isGreaterThanOrEqualTo(first);
    }
    Path foreign = Files.createDirectories(temp.resolve("foreign"));
    Files.writeString(foreign.resolve("precious.txt"), "keep me");
    assertThatThrownBy(() -> Testnet.create(spec.withDataDir(foreign)))
        .isInstanceOf(TestnetException.class)
        .hasMessageContaining("holds no testnet");
    assertThat(foreign.resolve("precious.txt")).hasContent("keep me");
  }

  @Test
  void shouldRefuseTooFewValidatorsNamingTheMinimum() {
    assertThatThrownBy(() -> Testnet.create(spec(2, 31, 4)))
        .isInstanceOf(TestnetException.class)
        .hasMessageContaining("at least 32")
        .hasMessageNotContaining("\n");
    assertThat(temp.resolve("data")).doesNotExist();
  }

  @Test
  void shouldRefuseATakenPortAndLeaveTheDataDirUnlocked() throws Exception {
    TestnetSpec spec = spec(2, 16, 2);
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), spec.ports().p2p(1)));
      assertThatThrownBy(() -> Testnet.create(spec))
          .isInstanceOf(TestnetException.class)
          .hasMessage(
              "port "
                  + spec.ports().p2p(1)
                  + " (p2p of node 1) is already in use; stop what uses it or pass another"
                  + " --base-port (now "
                  + spec.ports().base()
                  + ")");
    }
    // The failed attempt released the lock: a second attempt gets past it.
    try (Testnet testnet = Testnet.create(spec)) {
      assertThat(testnet.nodes()).hasSize(2);
    }
  }

  @Test
  void shouldRefuseADataDirInUse() throws Exception {
    TestnetSpec spec = spec(1, 8, 1);
    try (Testnet running = Testnet.create(spec)) {
      assertThatThrownBy(() -> Testnet.create(spec))
          .isInstanceOf(TestnetException.class)
          .hasMessageContaining("is in use by a running testnet");
      assertThat(TestnetInfo.read(spec.dataDir()).get("genesisTime").asLong())
          .isEqualTo(running.genesisTime());
    }
  }
}
