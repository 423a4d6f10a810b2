package io.basalt.testnet.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.testnet.TestPorts;
import io.basalt.testnet.Testnet;
import io.basalt.testnet.TestnetException;
import io.basalt.testnet.TestnetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Control commands through the loopback endpoint, as another terminal sends them, on a testnet
 * whose nodes are not started (so no process is needed to check the plumbing and the errors).
 */
class ControlEndpointTest {

  @TempDir Path temp;

  @Test
  void shouldRunCommandsSentThroughTheControlPortInTestnetJson() throws Exception {
    Path dataDir = temp.resolve("data");
    TestnetSpec spec =
        new TestnetSpec(2, 16, 2, "local", dataDir, TestPorts.freeLayout(2), "384m", 30, 0);
    try (Testnet testnet = Testnet.create(spec);
        ControlServer server = ControlServer.start(new ControlCommands(testnet))) {
      testnet.setControlPort(server.port());

      assertThat(ControlClient.send(dataDir, "stop 1")).isEqualTo("node 1 was not running");
      assertThat(ControlClient.send(dataDir, "help")).isEqualTo(ControlCommands.HELP);
      assertThat(ControlClient.send(dataDir, "status")).isEqualTo("node 0: down; node 1: down");

      assertThat(ControlClient.send(dataDir, "partition 0 1")).isEqualTo("partitioned: [0] | [1]");
      assertThat(Files.readAllLines(testnet.node(0).denyPeersFile()))
          .contains(testnet.node(1).peerId().toString())
          .doesNotContain(testnet.node(0).peerId().toString());
      assertThat(ControlClient.send(dataDir, "heal")).startsWith("healed");
      assertThat(Files.readAllLines(testnet.node(0).denyPeersFile())).isEmpty();

      assertThatThrownBy(() -> ControlClient.send(dataDir, "stop 9"))
          .isInstanceOf(TestnetException.class)
          .hasMessage("no node 9; this testnet has nodes 0..1");
      assertThatThrownBy(() -> ControlClient.send(dataDir, "kill"))
          .hasMessage("usage: kill K (a node index)");
      assertThatThrownBy(() -> ControlClient.send(dataDir, "reboot 1"))
          .hasMessageStartingWith("unknown command 'reboot'");
    }
  }

  @Test
  void shouldSayWhenNoTestnetRunsOnTheDataDir() {
    assertThatThrownBy(() -> ControlClient.send(temp, "stop 0"))
        .isInstanceOf(TestnetException.class)
        .hasMessageContaining("is a testnet running with this --data-dir?");
  }
}
