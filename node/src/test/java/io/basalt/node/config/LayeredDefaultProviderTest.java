package io.basalt.node.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

class LayeredDefaultProviderTest {
  static final OptionSpec PORT = OptionSpec.builder("--p2p-port").type(int.class).build();

  @Test
  void envBeatsFileAndAbsenceLeavesTheDeclaredDefault() {
    assertThat(provider(Map.of("BASALT_P2P_PORT", "2"), Map.of("p2p-port", "1")).defaultValue(PORT))
        .isEqualTo("2");
    assertThat(provider(Map.of(), Map.of("p2p-port", "1")).defaultValue(PORT)).isEqualTo("1");
    assertThat(provider(Map.of(), Map.of()).defaultValue(PORT)).isNull();
  }

  @Test
  void helpAndPositionalsAreNeverDefaulted() {
    OptionSpec help = OptionSpec.builder("--help").usageHelp(true).build();
    PositionalParamSpec positional = PositionalParamSpec.builder().build();
    LayeredDefaultProvider provider =
        provider(Map.of("BASALT_HELP", "true"), Map.of("help", "true"));

    assertThat(provider.defaultValue(help)).isNull();
    assertThat(provider.defaultValue(positional)).isNull();
  }

  @Test
  void envNamesAreUpperSnakeCaseWithPrefix() {
    assertThat(EnvNames.envName("--validator-passwords")).isEqualTo("BASALT_VALIDATOR_PASSWORDS");
    assertThat(EnvNames.fileKey("--validator-passwords")).isEqualTo("validator-passwords");
  }

  private static LayeredDefaultProvider provider(
      Map<String, String> env, Map<String, String> file) {
    return new LayeredDefaultProvider(env, file);
  }
}
