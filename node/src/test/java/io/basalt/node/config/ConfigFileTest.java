package io.basalt.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
  static final Set<String> KEYS = Set.of("p2p-port", "bootnodes", "metrics-enabled", "graffiti");

  @TempDir Path tmp;

  private Path write(String yaml) throws IOException {
    return Files.writeString(tmp.resolve("basalt.yaml"), yaml);
  }

  @Test
  void readsScalarsListsAndBooleansAsCommandLineStrings() throws Exception {
    Path file =
        write("p2p-port: 9001\nbootnodes: [a, b]\nmetrics-enabled: false\ngraffiti: 'hi there'\n");

    assertThat(ConfigFile.load(file, KEYS))
        .isEqualTo(
            Map.of(
                "p2p-port", "9001",
                "bootnodes", "a,b",
                "metrics-enabled", "false",
                "graffiti", "hi there"));
  }

  @Test
  void anEmptyFileSetsNothing() throws Exception {
    assertThat(ConfigFile.load(write(""), KEYS)).isEmpty();
  }

  @Test
  void unknownKeyIsNamed() throws IOException {
    Path file = write("p2p-port: 1\np2p-prot: 2\n");
    assertThatThrownBy(() -> ConfigFile.load(file, KEYS))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("config file " + file + ": unknown key 'p2p-prot' (known keys: ");
  }

  @Test
  void missingFile() {
    Path file = tmp.resolve("absent.yaml");
    assertThatThrownBy(() -> ConfigFile.load(file, KEYS))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config file " + file + ": no such file");
  }

  @Test
  void notYaml() throws IOException {
    Path file = write("p2p-port: [1, 2\n");
    assertThatThrownBy(() -> ConfigFile.load(file, KEYS))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("config file " + file + ": not valid YAML: ");
  }

  @Test
  void topLevelMustBeAMapping() throws IOException {
    Path file = write("- p2p-port\n");
    assertThatThrownBy(() -> ConfigFile.load(file, KEYS))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config file " + file + ": must be a mapping of option: value");
  }

  @Test
  void nestedMappingOrNullValueIsRejectedWithTheKey() throws IOException {
    Path nested = write("p2p-port:\n  value: 1\n");
    assertThatThrownBy(() -> ConfigFile.load(nested, KEYS))
        .hasMessage(
            "config file " + nested + ": key 'p2p-port' must have a value or a list of values");
    Path empty = write("graffiti:\n");
    assertThatThrownBy(() -> ConfigFile.load(empty, KEYS))
        .hasMessage(
            "config file " + empty + ": key 'graffiti' must have a value or a list of values");
  }

  @Test
  void listItemsMustBePlainValuesWithoutCommas() throws IOException {
    Path file = write("bootnodes: ['a,b', c]\n");
    assertThatThrownBy(() -> ConfigFile.load(file, KEYS))
        .hasMessage(
            "config file "
                + file
                + ": key 'bootnodes': list items must be plain values without commas");
  }
}
