package io.basalt.node.validator;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.chain.ChainFixture;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Slot;
import io.basalt.node.validator.doppelganger.DoppelgangerConfig;
import io.basalt.node.validator.duties.DutyKind;
import org.junit.jupiter.api.Test;

/** One node, one client with all 64 keys: the chain it drives justifies and finalizes. */
class SingleNodeFinalityTest {

  @Test
  void shouldJustifyAndFinalizeAChainDrivenByTheClient() {
    ValidatorClientHarness h = new ValidatorClientHarness(DoppelgangerConfig.DISABLED);
    int epochs = 5;
    long lastSlot = (long) epochs * ChainFixture.CONFIG.slotsPerEpoch();

    h.runSlots(1, lastSlot);

    assertThat(h.api.importResults).hasSize((int) lastSlot).allMatch(r -> r.isAccepted());
    assertThat(h.api.headState().slot()).isEqualTo(Slot.of(lastSlot));
    assertThat(h.api.headState().currentJustifiedCheckpoint().epoch())
        .isGreaterThanOrEqualTo(Epoch.of(epochs - 2));
    assertThat(h.api.finalized().epoch()).isGreaterThanOrEqualTo(Epoch.of(epochs - 3));
    assertThat(h.api.finalized().epoch()).isGreaterThan(Epoch.ZERO);
    assertThat(h.metrics.missed).isEmpty();
    assertThat(h.metrics.performed(DutyKind.BLOCK_PROPOSAL)).isEqualTo((int) lastSlot);
    assertThat(h.metrics.performed(DutyKind.AGGREGATION)).isPositive();
  }
}
