package io.basalt.testnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PortLayoutTest {

  @Test
  void shouldUseTheDocumentedDefaultPorts() {
    PortLayout ports = PortLayout.DEFAULT;
    assertThat(ports.rpc(0)).isEqualTo(8545);
    assertThat(ports.p2p(0)).isEqualTo(9000);
    assertThat(ports.metrics(0)).isEqualTo(9100);
    assertThat(ports.rpc(3)).isEqualTo(8548);
    assertThat(ports.p2p(3)).isEqualTo(9003);
    assertThat(ports.metrics(3)).isEqualTo(9103);
  }

  @Test
  void shouldMoveAllThreeRangesWithTheBasePort() {
    PortLayout ports = new PortLayout(20_000);
    assertThat(ports.rpc(1)).isEqualTo(20_001);
    assertThat(ports.p2p(1)).isEqualTo(20_456);
    assertThat(ports.metrics(1)).isEqualTo(20_556);
  }

  @Test
  void shouldRejectABasePortWhoseRangesDoNotFit() {
    assertThatThrownBy(() -> new PortLayout(80)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PortLayout(65_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("base port");
  }

  @Test
  void shouldRejectANodeIndexOutsideTheRange() {
    assertThatThrownBy(() -> PortLayout.DEFAULT.rpc(PortLayout.MAX_NODES))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PortLayout.DEFAULT.p2p(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
