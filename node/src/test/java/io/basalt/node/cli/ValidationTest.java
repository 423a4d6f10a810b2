package io.basalt.node.cli;

import static io.basalt.node.cli.RunCommandTest.PEER;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad value: exit 2, one line naming the option, nothing launched. */
class ValidationTest {
  @TempDir Path tmp;
  Path genesis;

  @BeforeEach
  void setUp() throws IOException {
    genesis = Files.createDirectory(tmp.resolve("genesis"));
  }

  private String rejected(Map<String, String> env, String... flags) {
    List<String> args = new ArrayList<>(List.of("run", "--genesis", genesis.toString()));
    args.addAll(List.of(flags));
    CliRun result = CliRun.run(env, args.toArray(String[]::new));
    assertThat(result.exitCode).as(result.err).isEqualTo(2);
    assertThat(result.launched).isEmpty();
    assertThat(result.err.strip().lines()).as(result.err).hasSize(1);
    return result.err.strip();
  }

  private String rejected(String... flags) {
    return rejected(Map.of(), flags);
  }

  @Test
  void portOutOfRange() {
    assertThat(rejected("--p2p-port", "70000"))
        .isEqualTo(
            "basalt run: --p2p-port: port must be 1-65535 (or 0 for any free port), got 70000");
    assertThat(rejected("--metrics-port", "-1"))
        .startsWith("basalt run: --metrics-port: port must be");
    assertThat(rejected("--rpc-port", "65536")).startsWith("basalt run: --rpc-port: port must be");
  }

  @Test
  void portNotANumberFromAFlagOrTheEnvironment() {
    assertThat(rejected("--rpc-port", "abc"))
        .contains("'--rpc-port'")
        .contains("'abc' is not an int");
    assertThat(rejected(Map.of("BASALT_P2P_PORT", "nine")))
        .contains("'--p2p-port'")
        .contains("'nine' is not an int");
  }

  @Test
  void bootnodeThatIsNotAMultiaddr() {
    assertThat(rejected("--bootnodes", "10.0.0.1:9000"))
        .startsWith("basalt run: --bootnodes: '10.0.0.1:9000' is not a valid multiaddr: ");
  }

  @Test
  void bootnodeWithoutPeerId() {
    assertThat(
            rejected(
                "--bootnodes", "/ip4/10.0.0.1/tcp/9000/p2p/" + PEER + ",/ip4/10.0.0.2/tcp/9000"))
        .isEqualTo(
            "basalt run: --bootnodes: '/ip4/10.0.0.2/tcp/9000' has no peer id; expected"
                + " .../p2p/<peer id>");
  }

  @Test
  void genesisDirectoryMissingOrAFile() throws IOException {
    Path missing = tmp.resolve("nope");
    Path file = Files.writeString(tmp.resolve("file"), "x");
    assertThat(rejected("--genesis", missing.toString()))
        .isEqualTo("basalt run: --genesis: directory " + missing + " does not exist");
    assertThat(rejected("--genesis", file.toString()))
        .isEqualTo("basalt run: --genesis: " + file + " is not a directory");
  }

  @Test
  void dataDirThatIsAFile() throws IOException {
    Path file = Files.writeString(tmp.resolve("file"), "x");
    assertThat(rejected("--data-dir", file.toString()))
        .isEqualTo("basalt run: --data-dir: " + file + " exists and is not a directory");
  }

  @Test
  void validatorKeysAndPasswordsComeTogether() throws IOException {
    Path keys = Files.createDirectory(tmp.resolve("keys"));
    assertThat(rejected("--validator-keys", keys.toString()))
        .isEqualTo(
            "basalt run: --validator-passwords: required with --validator-keys (give both or neither)");
    assertThat(rejected("--validator-passwords", keys.toString()))
        .isEqualTo(
            "basalt run: --validator-keys: required with --validator-passwords (give both or neither)");
  }

  @Test
  void validatorDirectoriesMustExist() throws IOException {
    Path keys = Files.createDirectory(tmp.resolve("keys"));
    Path missing = tmp.resolve("passwords");
    assertThat(
            rejected(
                "--validator-keys", keys.toString(), "--validator-passwords", missing.toString()))
        .isEqualTo("basalt run: --validator-passwords: directory " + missing + " does not exist");
  }

  @Test
  void graffitiLongerThan32Bytes() {
    String euros = "€".repeat(11); // 11 characters, 33 UTF-8 bytes
    assertThat(rejected("--graffiti", euros))
        .isEqualTo("basalt run: --graffiti: must be at most 32 UTF-8 bytes, got 33");
  }

  @Test
  void graffitiOfExactly32BytesIsAccepted() {
    CliRun result =
        CliRun.run(Map.of(), "run", "--genesis", genesis.toString(), "--graffiti", "x".repeat(32));
    assertThat(result.options().graffiti()).hasSize(32);
  }

  @Test
  void unknownLogLevel() {
    assertThat(rejected("--log-level", "LOUD"))
        .isEqualTo(
            "basalt run: --log-level: unknown log level 'LOUD'; use one of TRACE, DEBUG, INFO, WARN,"
                + " ERROR");
  }

  @Test
  void maxPeersBelowOne() {
    assertThat(rejected("--max-peers", "0"))
        .isEqualTo("basalt run: --max-peers: must be at least 1, got 0");
  }

  @Test
  void blankHostOrCorsOrigin() {
    assertThat(rejected("--p2p-host", " "))
        .startsWith("basalt run: --p2p-host: must be a host name");
    assertThat(rejected("--rpc-cors", "a b"))
        .startsWith("basalt run: --rpc-cors: 'a b' is not an origin");
  }

  @Test
  void unknownOption() {
    assertThat(rejected("--p2p-prot=1")).contains("Unknown option: '--p2p-prot=1'");
  }

  @Test
  void aBadBooleanNamesItsOption() {
    assertThat(rejected("--rpc-enabled=maybe")).contains("--rpc-enabled").contains("maybe");
  }
}
