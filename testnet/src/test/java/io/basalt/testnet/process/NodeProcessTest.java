package io.basalt.testnet.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeProcessTest {

  @Test
  void shouldSplitExtraJvmOptionsOnWhitespace() {
    assertThat(NodeProcess.extraJvmOptions(null)).isEmpty();
    assertThat(NodeProcess.extraJvmOptions("  ")).isEmpty();
    assertThat(NodeProcess.extraJvmOptions(" -Xlog:gc  -XX:TieredStopAtLevel=1 "))
        .containsExactly("-Xlog:gc", "-XX:TieredStopAtLevel=1");
  }

  @Test
  void shouldRunTheNodeMainClassWithTheHeapBoundBeforeItsArguments() {
    List<String> command =
        new NodeProcess("512m", List.of("--data-dir", "d"), Path.of("node.log")).command();
    assertThat(command).contains("-Xmx512m", "-XX:+UseSerialGC");
    assertThat(command.subList(command.size() - 4, command.size()))
        .containsExactly("io.basalt.node.cli.BasaltCommand", "run", "--data-dir", "d");
    assertThat(command.indexOf("-Xmx512m")).isLessThan(command.indexOf("-cp"));
  }
}
