package io.basalt.testnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.node.cli.BasaltCommand;
import io.basalt.testnet.DataDirLock;
import io.basalt.testnet.TestPorts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code basalt testnet} through the node's root command: registration and one-line errors. */
class TestnetCommandTest {

  @TempDir Path temp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int basalt(String... args) {
    return BasaltCommand.execute(
        args,
        BasaltCommand.discoverLauncher(),
        Map.of(),
        new PrintWriter(out, true),
        new PrintWriter(err, true));
  }

  @Test
  void shouldBeRegisteredWithTheRootCommandThroughTheServiceLoader() {
    CommandLine root = BasaltCommand.commandLine(BasaltCommand.discoverLauncher());
    assertThat(root.getSubcommands()).containsKey("testnet");
    assertThat(root.getSubcommands().get("testnet").getSubcommands())
        .containsKeys("stop", "start", "kill", "add", "partition", "heal", "status");
  }

  @Test
  void shouldFailOnOneLineWhenValidatorsAreTooFew() {
    int exit = basalt("testnet", "--validators", "16", "--data-dir", temp.resolve("d").toString());
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString().strip())
        .isEqualTo(
            "basalt testnet: --validators 16 is too few for 4 shards with the local preset: use"
                + " at least 32 (SLOTS_PER_EPOCH × SHARD_COUNT), or fewer --shards");
    assertThat(ProcessHandle.current().descendants().count()).isZero();
  }

  @Test
  void shouldFailOnOneLineWhenAPortIsTaken() throws Exception {
    var ports = TestPorts.freeLayout(4);
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), ports.rpc(2)));
      int exit =
          basalt(
              "testnet",
              "--base-port",
              Integer.toString(ports.base()),
              "--data-dir",
              temp.resolve("d").toString());
      assertThat(exit).isEqualTo(1);
      assertThat(err.toString().strip())
          .startsWith("basalt testnet: port " + ports.rpc(2) + " (JSON-RPC of node 2)")
          .doesNotContain("\n");
      assertThat(ProcessHandle.current().descendants().count()).isZero();
    }
  }

  @Test
  void shouldFailOnOneLineWhenTheDataDirIsInUse() throws Exception {
    Path dataDir = temp.resolve("busy");
    try (DataDirLock held = DataDirLock.acquire(dataDir)) {
      int exit = basalt("testnet", "--data-dir", dataDir.toString());
      assertThat(exit).isEqualTo(1);
      assertThat(err.toString().strip())
          .isEqualTo(
              "basalt testnet: data dir "
                  + dataDir
                  + " is in use by a running testnet; stop it or pass another --data-dir");
      assertThat(ProcessHandle.current().descendants().count()).isZero();
    }
  }

  @Test
  void shouldRejectABadBasePortOnOneLine() {
    assertThat(basalt("testnet", "--base-port", "80")).isEqualTo(1);
    assertThat(err.toString().strip()).startsWith("basalt testnet: --base-port: base port must be");
  }

  @Test
  void shouldTellAControlSubcommandThatNoTestnetRuns() {
    int exit = basalt("testnet", "stop", "--node", "1", "--data-dir", temp.toString());
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString().strip())
        .startsWith("basalt testnet stop: no ")
        .contains("is a testnet running with this --data-dir?");
  }
}
