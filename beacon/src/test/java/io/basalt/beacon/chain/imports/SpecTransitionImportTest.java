package io.basalt.beacon.chain.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.chain.ChainFixture;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.testing.InteropSigner;
import io.basalt.beacon.testing.Operations;
import io.basalt.beacon.transition.epoch.EpochProcessor;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.consensus.types.Attestation;
import io.basalt.storage.memory.InMemoryKvStore;
import io.basalt.storage.schema.BasaltSchema;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The chain services on the protocol's own state transition: blocks produced by the block factory
 * from the attestation pool pass the import pipeline, and the pipeline rejects what the protocol
 * rejects.
 */
class SpecTransitionImportTest {

  private ChainFixture chain;
  private Operations operations;

  @BeforeEach
  void setUp() {
    chain =
        ChainFixture.genesisOnSpec(
            InMemoryKvStore.create(BasaltSchema.SCHEMA), new EpochProcessor(ChainFixture.CONFIG));
    operations =
        new Operations(
            ChainFixture.CONFIG,
            new BeaconStateAccessors(ChainFixture.CONFIG),
            new InteropSigner());
  }

  @Test
  void shouldImportProducedBlocksCarryingPooledAttestationsUntilFinality() throws Exception {
    long lastSlot = 4L * ChainFixture.CONFIG.slotsPerEpoch();
    for (long slot = 1; slot <= lastSlot; slot++) {
      ImportedBlock imported = chain.extend(chain.store.headRoot(), slot);
      Slot previous = Slot.of(slot - 1);
      // From the second block on, each carries the previous slot's committees, one per shard.
      assertThat(
              imported.block().message().body().attestations().stream()
                  .filter(a -> a.data().slot().equals(previous))
                  .count())
          .isEqualTo(slot == 1 ? 0 : ChainFixture.CONFIG.shardCount());
      BeaconState post = chain.states.stateOf(imported.root()).orElseThrow();
      assertThat(post.hashTreeRoot()).isEqualTo(imported.block().message().stateRoot());
      poolAttestationsFor(chain.transition.processSlots(post, Slot.of(slot + 1)), post.slot());
    }
    assertThat(chain.store.headRoot()).isEqualTo(chain.forkChoice.getHead());
    BeaconState head = chain.states.stateOf(chain.store.headRoot()).orElseThrow();
    assertThat(head.slot()).isEqualTo(Slot.of(lastSlot));
    // Full participation justifies every epoch from the second on and finalizes behind it.
    assertThat(head.currentJustifiedCheckpoint().epoch().value().longValue()).isEqualTo(3);
    assertThat(head.finalizedCheckpoint().epoch().value().longValue()).isEqualTo(2);
    assertThat(chain.store.finalizedCheckpoint()).isEqualTo(head.finalizedCheckpoint());
    assertThat(head.previousEpochParticipation().toList()).allMatch(flags -> flags != 0);
  }

  @Test
  void shouldRejectABlockWhoseStateRootIsWrong() throws Exception {
    chain.setSlot(1);
    SignedBeaconBlock good = chain.produce(chain.store.headRoot(), 1);
    BeaconState pre = chain.states.stateOf(chain.store.headRoot()).orElseThrow();
    SignedBeaconBlock bad = chain.sign(pre, good.message().withStateRoot(Bytes32.repeat((byte) 7)));

    ImportResult<ImportedBlock> result = chain.pipeline.process(bad);

    assertThat(result.isAccepted()).isFalse();
    assertThat(chain.store.contains(ChainFixture.SCHEMAS.beaconBlock().hashTreeRoot(bad.message())))
        .isFalse();
  }

  /** Full attestations of every committee of {@code slot}, seen from a state after it. */
  private void poolAttestationsFor(BeaconState view, Slot slot) {
    for (int shard = 0; shard < ChainFixture.CONFIG.shardCount(); shard++) {
      Attestation attestation =
          operations.fullAttestation(
              view, operations.attestationData(view, slot, ShardId.of(shard), Bytes32.ZERO));
      assertThat(chain.attestationPool.add(attestation).toString()).isEqualTo("ADDED");
    }
  }
}
