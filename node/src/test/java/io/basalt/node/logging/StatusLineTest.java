package io.basalt.node.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.types.Epoch;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import java.util.HashMap;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StatusLineTest {
  static final Bytes32 ROOT =
      Bytes32.fromHexString("0xab12000000000000000000000000000000000000000000000000000000000001");

  @AfterEach
  void restoreLogLevel() {
    LogLevels.setRoot("INFO");
  }

  @Test
  void formatsTheDocumentedLineWithShardsInOrder() {
    Map<ShardId, Long> heights = new HashMap<>();
    heights.put(ShardId.of(3), 40L);
    heights.put(ShardId.of(0), 40L);
    heights.put(ShardId.of(2), 39L);
    heights.put(ShardId.of(1), 41L);

    String line =
        StatusLine.format(
            new SlotStatus(
                Slot.of(42),
                Epoch.of(5),
                ROOT,
                Slot.of(42),
                Epoch.of(4),
                Epoch.of(3),
                2,
                heights,
                12.5));

    assertThat(line)
        .isEqualTo(
            "Slot 42 | epoch 5 | head 0xab12…(42) | justified 4 | finalized 3 | peers 2 | shards 0:40"
                + " 1:41 2:39 3:40 | tps 12.5");
  }

  @Test
  void noShardsAndAnOlderHead() {
    String line =
        StatusLine.format(
            new SlotStatus(
                Slot.of(9),
                Epoch.of(1),
                Bytes32.ZERO,
                Slot.of(7),
                Epoch.ZERO,
                Epoch.ZERO,
                0,
                Map.of(),
                0));

    assertThat(line)
        .isEqualTo(
            "Slot 9 | epoch 1 | head 0x0000…(7) | justified 0 | finalized 0 | peers 0 | shards - |"
                + " tps 0.0");
  }

  @Test
  void rootLevelCanBeChangedAtRuntime() {
    LogLevels.setRoot("DEBUG");
    assertThat(LogLevels.root()).isEqualTo("DEBUG");
    assertThat(org.slf4j.LoggerFactory.getLogger("any").isDebugEnabled()).isTrue();
    LogLevels.setRoot("ERROR");
    assertThat(org.slf4j.LoggerFactory.getLogger("any").isWarnEnabled()).isFalse();
  }
}
