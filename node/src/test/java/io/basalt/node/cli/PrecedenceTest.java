package io.basalt.node.cli;

import static io.basalt.node.cli.RunCommandTest.PEER;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.node.config.NodeOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flags beat BASALT_* env, env beats the config file, the file beats the defaults. */
class PrecedenceTest {
  static final String A = "/ip4/10.0.0.1/tcp/9000/p2p/" + PEER;
  static final String B = "/ip4/10.0.0.2/tcp/9000/p2p/" + PEER;
  static final String C = "/ip4/10.0.0.3/tcp/9000/p2p/" + PEER;
  static final String D = "/ip4/10.0.0.4/tcp/9000/p2p/" + PEER;

  @TempDir Path tmp;
  Path genesis;
  Path config;

  @BeforeEach
  void setUp() throws IOException {
    genesis = Files.createDirectory(tmp.resolve("genesis"));
    config = tmp.resolve("basalt.yaml");
  }

  private NodeOptions run(Map<String, String> env, String... flags) {
    String[] args = new String[flags.length + 3];
    args[0] = "run";
    args[1] = "--genesis";
    args[2] = genesis.toString();
    System.arraycopy(flags, 0, args, 3, flags.length);
    return CliRun.run(env, args).options();
  }

  private void writeConfig(String yaml) throws IOException {
    Files.writeString(config, yaml);
  }

  @Test
  void defaultsApplyWhenNothingElseSetsTheOption() {
    assertThat(run(Map.of()).p2pPort()).isEqualTo(9000);
  }

  @Test
  void configFileBeatsDefaults() throws IOException {
    writeConfig("p2p-port: 9001\n");
    assertThat(run(Map.of(), "--config-file", config.toString()).p2pPort()).isEqualTo(9001);
  }

  @Test
  void envBeatsConfigFile() throws IOException {
    writeConfig("p2p-port: 9001\n");
    NodeOptions options = run(Map.of("BASALT_P2P_PORT", "9002"), "--config-file=" + config);
    assertThat(options.p2pPort()).isEqualTo(9002);
  }

  @Test
  void flagBeatsEnvAndConfigFile() throws IOException {
    writeConfig("p2p-port: 9001\n");
    NodeOptions options =
        run(
            Map.of("BASALT_P2P_PORT", "9002"),
            "--config-file",
            config.toString(),
            "--p2p-port",
            "9003");
    assertThat(options.p2pPort()).isEqualTo(9003);
  }

  @Test
  void envAloneBeatsDefaults() {
    assertThat(run(Map.of("BASALT_MAX_PEERS", "7")).maxPeers()).isEqualTo(7);
  }

  @Test
  void everyLayerCanSetTheGenesisItself() throws IOException {
    writeConfig("genesis: " + genesis + "\n");
    assertThat(
            CliRun.run(Map.of(), "run", "--config-file", config.toString()).options().genesisDir())
        .isEqualTo(genesis);
    assertThat(
            CliRun.run(Map.of("BASALT_GENESIS", genesis.toString()), "run").options().genesisDir())
        .isEqualTo(genesis);
  }

  @Test
  void configFileIsFoundThroughTheEnvironmentToo() throws IOException {
    writeConfig("max-peers: 11\n");
    assertThat(run(Map.of("BASALT_CONFIG_FILE", config.toString())).maxPeers()).isEqualTo(11);
  }

  @Test
  void listsComeWholeFromTheHighestLayer() throws IOException {
    writeConfig("bootnodes:\n  - " + A + "\n  - " + B + "\n");
    String file = "--config-file=" + config;

    assertThat(run(Map.of(), file).bootnodes()).containsExactly(A, B);
    assertThat(run(Map.of("BASALT_BOOTNODES", C + "," + D), file).bootnodes())
        .containsExactly(C, D);
    assertThat(run(Map.of("BASALT_BOOTNODES", C), file, "--bootnodes", D).bootnodes())
        .containsExactly(D);
  }

  @Test
  void aListInTheConfigFileMayAlsoBeOneCommaSeparatedString() throws IOException {
    writeConfig("rpc-cors: \"http://a.example,http://b.example\"\n");
    assertThat(run(Map.of(), "--config-file", config.toString()).rpcCors())
        .isEqualTo(List.of("http://a.example", "http://b.example"));
  }

  @Test
  void booleansFollowTheSameOrder() throws IOException {
    writeConfig("metrics-enabled: false\ndoppelganger-detection: true\n");
    String file = "--config-file=" + config;

    assertThat(run(Map.of(), file).metricsEnabled()).isFalse();
    assertThat(run(Map.of(), file).doppelgangerDetection()).isTrue();
    assertThat(run(Map.of("BASALT_METRICS_ENABLED", "true"), file).metricsEnabled()).isTrue();
    assertThat(
            run(Map.of("BASALT_METRICS_ENABLED", "true"), file, "--no-metrics-enabled")
                .metricsEnabled())
        .isFalse();
    assertThat(run(Map.of(), file, "--metrics-enabled").metricsEnabled()).isTrue();
  }

  @Test
  void dataDirTildeIsTheHomeDirectory() {
    Path home = Path.of(System.getProperty("user.home"));
    assertThat(run(Map.of("BASALT_DATA_DIR", "~/chains/one")).dataDir())
        .isEqualTo(home.resolve("chains/one"));
  }

  @Test
  void unrelatedEnvironmentVariablesAreIgnored() {
    assertThat(run(Map.of("P2P_PORT", "1", "BASALT_HELP", "true")).p2pPort()).isEqualTo(9000);
  }
}
