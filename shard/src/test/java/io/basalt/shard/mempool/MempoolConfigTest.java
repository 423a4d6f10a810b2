package io.basalt.shard.mempool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MempoolConfigTest {

  @Test
  void shouldDefaultToTheIssuesLimits() {
    assertThat(MempoolConfig.DEFAULT).isEqualTo(new MempoolConfig(8_192, 64, 64, 10));
  }

  @Test
  void shouldRejectLimitsThatCannotWork() {
    assertThatThrownBy(() -> new MempoolConfig(0, 1, 64, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxTransactions=0");
    assertThatThrownBy(() -> new MempoolConfig(4, 5, 64, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exceeds");
    assertThatThrownBy(() -> new MempoolConfig(4, 4, -1, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MempoolConfig(4, 4, 64, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("priceBumpPercent");
  }
}
