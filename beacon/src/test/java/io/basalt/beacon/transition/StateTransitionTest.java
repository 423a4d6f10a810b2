package io.basalt.beacon.transition;

import static io.basalt.beacon.transition.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.beacon.datastructures.blocks.BeaconBlock;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.testing.TestChain;
import io.basalt.beacon.testing.TestStates;
import io.basalt.common.crypto.bls.BlsBatchVerifier;
import io.basalt.common.crypto.bls.BlsSignatureVerifier;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class StateTransitionTest {

  private final TestChain chain = new TestChain(TestStates.genesis64());

  @Test
  void shouldImportChainOfBlocksWithFullAttestationsAcrossEpochBoundary() throws Exception {
    for (int i = 0; i < 10; i++) {
      SignedBeaconBlock block = chain.advance();
      assertThat(block.message().body().attestations()).hasSize(4);
    }
    BeaconState head = chain.head();
    assertThat(head.slot()).isEqualTo(Slot.of(10));
    // No epoch processing ran, so the lists never rotated: slot 7's committees (epoch 0) were
    // included at slot 8 (epoch 1) into the previous-epoch list, slot 9's into the current one;
    // both at delay 1, so with all three flags.
    for (int shard = 0; shard < 4; shard++) {
      for (ValidatorIndex member :
          chain.accessors().getBeaconCommittee(head, Slot.of(9), ShardId.of(shard))) {
        assertThat(head.currentEpochParticipation().get(member.intValue())).isEqualTo(0b111);
      }
      for (ValidatorIndex member :
          chain.accessors().getBeaconCommittee(head, Slot.of(7), ShardId.of(shard))) {
        assertThat(head.previousEpochParticipation().get(member.intValue())).isEqualTo(0b111);
      }
    }
    assertThat(head.latestBlockHeader().slot()).isEqualTo(Slot.of(10));
  }

  @Test
  void processSlotsCachesRootsAndRunsEpochTransitionAtBoundary() {
    AtomicInteger epochs = new AtomicInteger();
    StateTransition transition =
        new StateTransition(
            TestStates.genesis64().schemas(),
            state -> {
              epochs.incrementAndGet();
              assertThat(state.slot()).isEqualTo(Slot.of(7));
              return state;
            });
    BeaconState genesis = TestStates.genesis64();
    BeaconState state = transition.processSlots(genesis, Slot.of(9));
    assertThat(state.slot()).isEqualTo(Slot.of(9));
    assertThat(epochs).hasValue(1);
    assertThat(state.stateRoots().get(0)).isEqualTo(genesis.hashTreeRoot());
    Bytes32 genesisBlockRoot =
        genesis.latestBlockHeader().withStateRoot(genesis.hashTreeRoot()).hashTreeRoot();
    assertThat(state.blockRoots().get(0)).isEqualTo(genesisBlockRoot);
    assertThat(state.blockRoots().get(8)).isEqualTo(genesisBlockRoot);
    assertThat(state.latestBlockHeader().stateRoot()).isEqualTo(genesis.hashTreeRoot());
  }

  @Test
  void processSlotsRejectsSlotNotAfterState() {
    BeaconState genesis = TestStates.genesis64();
    assertThatThrownBy(() -> chain.transition().processSlots(genesis, Slot.ZERO))
        .isInstanceOf(SlotProcessingException.class)
        .hasMessageContaining("slot 0");
  }

  @Test
  void shouldRejectBlockNotAfterStateSlot() throws Exception {
    SignedBeaconBlock first = chain.advance();
    assertRejected(() -> chain.importBlock(first), InvalidBlockReason.SLOT_NOT_AFTER_STATE);
  }

  @Test
  void shouldRejectBlockWithWrongProposer() {
    SignedBeaconBlock valid = chain.produce(Slot.of(1), body -> {});
    BeaconBlock block = valid.message();
    ValidatorIndex other = ValidatorIndex.of((block.proposerIndex().intValue() + 1) % 64);
    BeaconBlock wrong =
        new BeaconBlock(block.slot(), other, block.parentRoot(), block.stateRoot(), block.body());
    SignedBeaconBlock signed = chain.blocks().sign(chain.stateAt(Slot.of(1)), wrong);
    assertRejected(() -> chain.importBlock(signed), InvalidBlockReason.PROPOSER_INDEX_MISMATCH);
  }

  @Test
  void shouldRejectBlockWithWrongParent() {
    BeaconBlock block = chain.produce(Slot.of(1), body -> {}).message();
    BeaconBlock wrong =
        new BeaconBlock(
            block.slot(),
            block.proposerIndex(),
            Bytes32.repeat((byte) 9),
            block.stateRoot(),
            block.body());
    SignedBeaconBlock signed = chain.blocks().sign(chain.stateAt(Slot.of(1)), wrong);
    assertRejected(() -> chain.importBlock(signed), InvalidBlockReason.PARENT_ROOT_MISMATCH);
  }

  @Test
  void shouldRejectBadBlockSignatureWithBatchAndSimpleVerifiers() {
    SignedBeaconBlock valid = chain.produce(Slot.of(1), body -> {});
    // Signed by the right key over another message: a valid point, a wrong signature.
    Bytes otherSignature =
        chain.signer().sign(valid.message().proposerIndex(), Bytes32.ZERO).toBytes();
    SignedBeaconBlock forged = new SignedBeaconBlock(valid.message(), otherSignature);
    for (BlsSignatureVerifier verifier :
        List.of(new BlsBatchVerifier(), BlsSignatureVerifier.simple())) {
      assertRejected(
          () -> chain.transition().stateTransition(chain.head(), forged, verifier, true),
          InvalidBlockReason.BLOCK_SIGNATURE_INVALID);
    }
  }

  @Test
  void shouldRejectBlockSignatureThatIsNotAPoint() {
    SignedBeaconBlock valid = chain.produce(Slot.of(1), body -> {});
    SignedBeaconBlock garbage = new SignedBeaconBlock(valid.message(), Bytes.wrap(new byte[96]));
    assertRejected(() -> chain.importBlock(garbage), InvalidBlockReason.BLOCK_SIGNATURE_INVALID);
  }

  @Test
  void shouldRejectWrongRandaoReveal() {
    BeaconBlock block = chain.produce(Slot.of(1), body -> {}).message();
    Bytes wrongReveal = chain.signer().sign(block.proposerIndex(), Bytes32.ZERO).toBytes();
    BeaconBlock wrong =
        new BeaconBlock(
            block.slot(),
            block.proposerIndex(),
            block.parentRoot(),
            block.stateRoot(),
            new io.basalt.beacon.datastructures.blocks.BeaconBlockBody(
                wrongReveal,
                block.body().graffiti(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of()));
    SignedBeaconBlock signed = chain.blocks().sign(chain.stateAt(Slot.of(1)), wrong);
    for (BlsSignatureVerifier verifier :
        List.of(new BlsBatchVerifier(), BlsSignatureVerifier.simple())) {
      assertRejected(
          () -> chain.transition().stateTransition(chain.head(), signed, verifier, false),
          InvalidBlockReason.RANDAO_INVALID);
    }
  }

  @Test
  void shouldRejectBlockWhoseSlotDiffersFromState() {
    BeaconBlock block = chain.produce(Slot.of(2), body -> {}).message();
    BeaconState atSlot1 = chain.stateAt(Slot.of(1));
    assertRejected(
        () -> chain.transition().processBlock(atSlot1, block, BlsSignatureVerifier.noOp()),
        InvalidBlockReason.BLOCK_SLOT_MISMATCH);
  }

  @Test
  void shouldCheckStateRootOnlyWhenAsked() throws Exception {
    BeaconBlock block = chain.produce(Slot.of(1), body -> {}).message();
    SignedBeaconBlock wrongRoot =
        chain
            .blocks()
            .sign(chain.stateAt(Slot.of(1)), block.withStateRoot(Bytes32.repeat((byte) 7)));
    BeaconState head = chain.head();
    assertRejected(
        () ->
            chain
                .transition()
                .stateTransition(head, wrongRoot, BlsSignatureVerifier.simple(), true),
        InvalidBlockReason.STATE_ROOT_MISMATCH);
    BeaconState post =
        chain.transition().stateTransition(head, wrongRoot, BlsSignatureVerifier.simple(), false);
    assertThat(post.hashTreeRoot()).isEqualTo(block.stateRoot());
  }

  @Test
  void shouldLeavePreStateUntouchedWhenBlockFails() throws Exception {
    chain.advance();
    BeaconState before = chain.head();
    Bytes32 rootBefore = before.hashTreeRoot();
    List<Integer> participationBefore = before.currentEpochParticipation().toList();
    // Valid attestations first, then an invalid exit: processing gets far before failing.
    var attestations = chain.fullAttestations(Slot.of(1));
    SignedBeaconBlock block =
        chain.produceUnchecked(
            Slot.of(2),
            body -> {
              body.attestations.addAll(attestations);
              body.exits.add(
                  chain
                      .operations()
                      .exit(before, ValidatorIndex.of(3), io.basalt.common.types.Epoch.ZERO));
            });
    assertRejected(() -> chain.importBlock(block), InvalidBlockReason.EXIT_TOO_EARLY);
    assertThat(chain.head()).isSameAs(before);
    assertThat(before.hashTreeRoot()).isEqualTo(rootBefore);
    assertThat(before.currentEpochParticipation().toList()).isEqualTo(participationBefore);
    assertThat(before.slot()).isEqualTo(Slot.of(1));
  }
}
