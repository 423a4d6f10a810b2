package io.basalt.node.validator.doppelganger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.types.Epoch;
import io.basalt.common.types.ValidatorIndex;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DoppelgangerGuardTest {

  private final List<ValidatorIndex> ours = List.of(ValidatorIndex.of(1), ValidatorIndex.of(2));

  @Test
  void shouldCheckEachEndedEpochOnceThenClear() {
    DoppelgangerGuard guard = new DoppelgangerGuard(new DoppelgangerConfig(true, 2));
    List<String> asked = new ArrayList<>();

    assertThat(guard.onEpoch(Epoch.of(10), ours, (v, e) -> asked.add(v + "@" + e) && false))
        .isInstanceOf(DoppelgangerGuard.Verdict.Waiting.class);
    assertThat(guard.onEpoch(Epoch.of(10), ours, (v, e) -> asked.add(v + "@" + e) && false))
        .isInstanceOf(DoppelgangerGuard.Verdict.Waiting.class);
    assertThat(guard.onEpoch(Epoch.of(11), ours, (v, e) -> asked.add(v + "@" + e) && false))
        .isInstanceOf(DoppelgangerGuard.Verdict.Waiting.class);
    assertThat(guard.onEpoch(Epoch.of(12), ours, (v, e) -> asked.add(v + "@" + e) && false))
        .isInstanceOf(DoppelgangerGuard.Verdict.Clear.class);
    assertThat(asked).containsExactly("1@10", "2@10", "1@11", "2@11");
  }

  @Test
  void shouldDetectALiveKeyAndNeverClearAfterwards() {
    DoppelgangerGuard guard = new DoppelgangerGuard(new DoppelgangerConfig(true, 2));
    guard.onEpoch(Epoch.of(3), ours, (v, e) -> false);

    DoppelgangerGuard.Verdict verdict =
        guard.onEpoch(Epoch.of(4), ours, (v, e) -> v.equals(ValidatorIndex.of(2)));

    assertThat(verdict)
        .isEqualTo(new DoppelgangerGuard.Verdict.Detected(ValidatorIndex.of(2), Epoch.of(3)));
    assertThat(guard.onEpoch(Epoch.of(9), ours, (v, e) -> false)).isEqualTo(verdict);
  }

  @Test
  void shouldBeClearAtOnceWhenDisabled() {
    DoppelgangerGuard guard = new DoppelgangerGuard(DoppelgangerConfig.DISABLED);
    assertThat(guard.onEpoch(Epoch.ZERO, ours, (v, e) -> true))
        .isInstanceOf(DoppelgangerGuard.Verdict.Clear.class);
  }

  @Test
  void shouldRejectAWaitOfZeroEpochs() {
    assertThatThrownBy(() -> new DoppelgangerConfig(true, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }
}
