package io.basalt.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.node.config.NodeOptions;
import io.basalt.node.logging.LogLevels;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
  static final String PEER = "16Uiu2HAmLhLvBoYaoZfaMUKuibM6ac163GwKY74c5kiSLg5KvLpY";

  @TempDir Path tmp;

  @AfterEach
  void restoreLogLevel() {
    LogLevels.setRoot("INFO");
  }

  @Test
  void runWithoutOptionsExplainsTheMissingGenesisAndStartsNothing() {
    CliRun result = CliRun.run(Map.of(), "run");

    assertThat(result.exitCode).isEqualTo(2);
    assertThat(result.launched).isEmpty();
    assertThat(result.err)
        .startsWith("basalt run: missing --genesis DIR; create one with `basalt genesis`")
        .contains("BASALT_GENESIS")
        .contains("--config-file");
    assertThat(result.err.strip().lines()).hasSize(1);
  }

  @Test
  void launcherReceivesTheDefaultsWhenOnlyGenesisIsGiven() throws Exception {
    Path genesis = Files.createDirectory(tmp.resolve("genesis"));

    NodeOptions options = CliRun.run(Map.of(), "run", "--genesis", genesis.toString()).options();

    assertThat(options)
        .isEqualTo(
            new NodeOptions(
                Path.of(System.getProperty("user.home")).resolve(".basalt"),
                genesis,
                "127.0.0.1",
                9000,
                List.of(),
                50,
                Optional.empty(),
                Optional.empty(),
                false,
                "",
                true,
                "127.0.0.1",
                9100,
                true,
                "127.0.0.1",
                8545,
                List.of(),
                "INFO"));
  }

  @Test
  void launcherReceivesEveryFlag() throws Exception {
    Path genesis = Files.createDirectory(tmp.resolve("genesis"));
    Path keys = Files.createDirectory(tmp.resolve("keys"));
    Path passwords = Files.createDirectory(tmp.resolve("passwords"));
    Path data = tmp.resolve("data");
    String boot1 = "/ip4/10.0.0.1/tcp/9000/p2p/" + PEER;
    String boot2 = "/ip4/10.0.0.2/tcp/9001/p2p/" + PEER;

    CliRun result =
        CliRun.run(
            Map.of(),
            "run",
            "--data-dir=" + data,
            "--genesis",
            genesis.toString(),
            "--p2p-host",
            "0.0.0.0",
            "--p2p-port",
            "0",
            "--bootnodes",
            boot1 + "," + boot2,
            "--max-peers",
            "3",
            "--validator-keys",
            keys.toString(),
            "--validator-passwords",
            passwords.toString(),
            "--doppelganger-detection",
            "--graffiti",
            "basalt rocks",
            "--no-metrics-enabled",
            "--metrics-host",
            "0.0.0.0",
            "--metrics-port",
            "65535",
            "--rpc-enabled=false",
            "--rpc-host",
            "localhost",
            "--rpc-port",
            "1",
            "--rpc-cors",
            "http://a.example,*",
            "--log-level",
            "debug");

    assertThat(result.options())
        .isEqualTo(
            new NodeOptions(
                data,
                genesis,
                "0.0.0.0",
                0,
                List.of(boot1, boot2),
                3,
                Optional.of(keys),
                Optional.of(passwords),
                true,
                "basalt rocks",
                false,
                "0.0.0.0",
                65535,
                false,
                "localhost",
                1,
                List.of("http://a.example", "*"),
                "DEBUG"));
  }

  @Test
  void logLevelIsAppliedBeforeTheNodeStarts() throws Exception {
    Path genesis = Files.createDirectory(tmp.resolve("genesis"));
    String[] levelAtLaunch = new String[1];
    int code =
        BasaltCommand.execute(
            new String[] {"run", "--genesis", genesis.toString(), "--log-level", "WARN"},
            options -> {
              levelAtLaunch[0] = LogLevels.root();
              return 0;
            },
            Map.of(),
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()));

    assertThat(code).isZero();
    assertThat(levelAtLaunch[0]).isEqualTo("WARN");
  }

  @Test
  void exitCodeIsTheLaunchers() throws Exception {
    Path genesis = Files.createDirectory(tmp.resolve("genesis"));

    CliRun result = CliRun.run(Map.of(), 7, "run", "--genesis", genesis.toString());

    assertThat(result.exitCode).isEqualTo(7);
    assertThat(result.launched).hasSize(1);
  }

  @Test
  void aFailingLauncherGivesExitOneAndOneLine() throws Exception {
    Path genesis = Files.createDirectory(tmp.resolve("genesis"));
    StringWriter err = new StringWriter();

    int code =
        BasaltCommand.execute(
            new String[] {"run", "--genesis", genesis.toString()},
            new MissingNodeLauncher(),
            Map.of(),
            new PrintWriter(new StringWriter()),
            new PrintWriter(err, true));

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("basalt run: no node implementation on the classpath\n");
  }

  @Test
  void helpShowsEveryAreaWithDefaults() {
    CliRun result = CliRun.run(Map.of(), "run", "--help");

    assertThat(result.exitCode).isZero();
    assertThat(result.launched).isEmpty();
    assertThat(result.out)
        .contains("Data", "Network", "Validator", "Metrics", "JSON-RPC", "Logging")
        .contains("--p2p-port=PORT", "Default: 9000")
        .contains("--[no-]metrics-enabled")
        .contains("BASALT_<OPTION>");
  }

  @Test
  void rootCommandKeepsHelpAndVersionAndListsRun() {
    CliRun help = CliRun.run(Map.of(), "--help");
    CliRun version = CliRun.run(Map.of(), "--version");

    assertThat(help.exitCode).isZero();
    assertThat(help.out).contains("run").contains("Runs a validator node");
    assertThat(version.out.strip()).isEqualTo("basalt 0.1.0-SNAPSHOT");
  }

  @Test
  void serviceLoaderFindsTheRegisteredLauncher() {
    assertThat(BasaltCommand.discoverLauncher()).isInstanceOf(ServiceRegisteredLauncher.class);
  }
}
