package io.basalt.beacon.transition.epoch;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.Validator;
import io.basalt.beacon.testing.TestStates;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import org.junit.jupiter.api.Test;

/** The bottom-up registry write gives the same tree as setting each changed record. */
class RegistryWriterTest {

  @Test
  void shouldWriteChangedEntriesExactlyAsRecordSetsWould() {
    BeaconState state = EpochStates.active(TestStates.LOCAL, 37, 3);
    int[] changed = {0, 5, 6, 31, 36};

    BeaconState written =
        state.updated(
            m -> {
              EpochWorkspace w = EpochWorkspace.read(m, 3);
              for (int i : changed) {
                w.effectiveBalance[i] = 17_000_000_000L + i;
                w.exitEpoch[i] = 40 + i;
                w.withdrawableEpoch[i] = 300 + i;
                w.slashed[i] = i % 2 == 0;
                w.markValidatorChanged(i);
              }
              w.writeBack();
            });
    BeaconState expected =
        state.updated(
            m -> {
              for (int i : changed) {
                Validator v = m.validators().get(i);
                m.setValidator(
                    i,
                    v.withEffectiveBalance(Gwei.of(17_000_000_000L + i))
                        .withExitEpoch(Epoch.of(40 + i))
                        .withWithdrawableEpoch(Epoch.of(300 + i))
                        .withSlashed(i % 2 == 0));
              }
            });

    assertThat(written.validators().hashTreeRoot()).isEqualTo(expected.validators().hashTreeRoot());
    assertThat(written.validators().toList()).isEqualTo(expected.validators().toList());
    // Untouched entries keep their very nodes (and cached hashes).
    assertThat(written.hashTreeRoot()).isEqualTo(expected.hashTreeRoot());
  }
}
