package io.basalt.testnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.node.cli.BasaltCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code basalt testnet l2-demo}: registration and one-line errors without a testnet. */
class L2DemoCommandTest {

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
  void shouldBeRegisteredUnderTestnet() {
    CommandLine root = BasaltCommand.commandLine(BasaltCommand.discoverLauncher());
    assertThat(root.getSubcommands().get("testnet").getSubcommands()).containsKey("l2-demo");
  }

  @Test
  void shouldFailOnOneLineWithoutARunningTestnet() {
    int exit = basalt("testnet", "l2-demo", "--data-dir", temp.toString());
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString().strip())
        .startsWith("basalt testnet l2-demo: no " + temp.resolve("testnet.json"))
        .doesNotContain("\n");
  }

  @Test
  void shouldFailOnOneLineForAnUnknownNode() throws Exception {
    Files.writeString(
        temp.resolve("testnet.json"),
        "{\"nodes\":[],\"devAccounts\":[],\"chainIds\":{\"0\":7612900}}");
    int exit = basalt("testnet", "l2-demo", "--data-dir", temp.toString(), "--node", "3");
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString().strip())
        .isEqualTo(
            "basalt testnet l2-demo: "
                + temp.resolve("testnet.json")
                + " has no node 3 or fewer than two dev accounts");
  }
}
