package io.basalt.node.validator;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.types.Epoch;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.node.validator.doppelganger.DoppelgangerConfig;
import org.junit.jupiter.api.Test;

class DoppelgangerClientTest {

  private static final int SLOTS_PER_EPOCH =
      io.basalt.beacon.chain.ChainFixture.CONFIG.slotsPerEpoch();

  @Test
  void shouldStopWhenAnotherClientAttestsWithOneOfOurKeys() {
    ValidatorClientHarness h = new ValidatorClientHarness(DoppelgangerConfig.enabledByDefault());
    h.api.markForeignAttestation(ValidatorIndex.of(5), Epoch.ZERO);

    h.runSlots(1, 3L * SLOTS_PER_EPOCH);

    assertThat(h.client.state()).isEqualTo(ValidatorClientState.STOPPED_DOPPELGANGER);
    assertThat(h.client.isStopped()).isTrue();
    assertThat(h.client.stopReason()).hasValueSatisfying(r -> assertThat(r).contains("5"));
    assertThat(h.api.publishedBlocks).isEmpty();
    assertThat(h.api.publishedAttestations).isEmpty();
    assertThat(h.api.publishedShardBlocks).isEmpty();
    assertThat(h.protection.blockChecks + h.protection.attestationChecks).isZero();
  }

  @Test
  void shouldStartSigningAfterTheConfiguredEpochsWhenNoKeyIsLiveElsewhere() {
    ValidatorClientHarness h = new ValidatorClientHarness(DoppelgangerConfig.enabledByDefault());

    h.runSlots(1, 2L * SLOTS_PER_EPOCH - 1);
    assertThat(h.client.state()).isEqualTo(ValidatorClientState.WAITING_FOR_DOPPELGANGER);
    assertThat(h.api.publishedBlocks).isEmpty();
    assertThat(h.api.publishedAttestations).isEmpty();

    h.runSlot(2L * SLOTS_PER_EPOCH);
    assertThat(h.client.state()).isEqualTo(ValidatorClientState.ACTIVE);
    assertThat(h.api.publishedBlocks).hasSize(1);
    assertThat(h.api.importResults).allMatch(r -> r.isAccepted());
    assertThat(h.api.publishedAttestations).isNotEmpty();
  }
}
