package io.basalt.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A config file that cannot be used stops {@code run} before anything starts. */
class ConfigFileErrorsTest {
  @TempDir Path tmp;

  @Test
  void unknownKeyIsNamedAndNothingStarts() throws IOException {
    Path config = Files.writeString(tmp.resolve("basalt.yaml"), "p2p-prot: 9001\n");

    CliRun result = CliRun.run(Map.of(), "run", "--config-file", config.toString());

    assertThat(result.exitCode).isEqualTo(2);
    assertThat(result.launched).isEmpty();
    assertThat(result.err)
        .startsWith("basalt run: config file " + config + ": unknown key 'p2p-prot'");
    assertThat(result.err).contains("p2p-port").doesNotContain("config-file,");
  }

  @Test
  void missingConfigFileNamedByTheEnvironment() {
    Path config = tmp.resolve("absent.yaml");

    CliRun result = CliRun.run(Map.of("BASALT_CONFIG_FILE", config.toString()), "run");

    assertThat(result.exitCode).isEqualTo(2);
    assertThat(result.err.strip())
        .isEqualTo("basalt run: config file " + config + ": no such file");
  }

  @Test
  void aBadValueInTheFileNamesTheOption() throws IOException {
    Path genesis = Files.createDirectory(tmp.resolve("genesis"));
    Path config = Files.writeString(tmp.resolve("basalt.yaml"), "metrics-port: 123456\n");

    CliRun result =
        CliRun.run(
            Map.of(), "run", "--genesis", genesis.toString(), "--config-file", config.toString());

    assertThat(result.exitCode).isEqualTo(2);
    assertThat(result.err.strip())
        .isEqualTo(
            "basalt run: --metrics-port: port must be 1-65535 (or 0 for any free port), got 123456");
  }

  @Test
  void otherSubcommandsDoNotReadTheRunConfigFile() {
    CliRun result =
        CliRun.run(
            Map.of("BASALT_CONFIG_FILE", tmp.resolve("absent.yaml").toString()), "--version");

    assertThat(result.exitCode).isZero();
  }
}
