package io.basalt.beacon.chain.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.chain.ChainFixture;
import io.basalt.beacon.chain.imports.ImportRejection.Reason;
import io.basalt.beacon.datastructures.blocks.BeaconBlock;
import io.basalt.beacon.datastructures.blocks.BeaconBlockBody;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.datastructures.operations.Deposit;
import io.basalt.beacon.genesis.InteropDeposits;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.crypto.bls.Bls;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.storage.memory.InMemoryKvStore;
import io.basalt.storage.schema.BasaltSchema;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BlockImportPipelineTest {

  private ChainFixture chain;
  private Bytes32 genesis;

  @BeforeEach
  void setUp() {
    chain = ChainFixture.genesis(InMemoryKvStore.create(BasaltSchema.SCHEMA), 16);
    genesis = chain.store.headRoot();
  }

  @Test
  void shouldImportValidBlockAndMoveHead() {
    ImportedBlock imported = chain.extend(genesis, 1);

    assertThat(imported.headRoot()).isEqualTo(imported.root());
    assertThat(chain.store.headRoot()).isEqualTo(imported.root());
    assertThat(chain.store.block(imported.root())).contains(imported.block());
    assertThat(chain.forkChoice.contains(imported.root())).isTrue();
  }

  @Test
  void shouldVerifyEachSignatureOnceAcrossStages() {
    chain.setSlot(1);
    SignedBeaconBlock block = chain.produce(genesis, 1);
    chain.verifierCalls.set(0);

    ImportResult<GossipVerifiedBlock> gossip = chain.pipeline.gossipVerify(block);
    assertThat(chain.verifierCalls.get()).isEqualTo(1);
    ImportResult<SignatureVerifiedBlock> signatures =
        chain.pipeline.verifySignatures(gossip.value());
    assertThat(chain.verifierCalls.get()).isEqualTo(2);
    ImportResult<ImportedBlock> imported = chain.pipeline.importBlock(signatures.value());

    assertThat(imported.isAccepted()).isTrue();
    // The transition verifies the RANDAO reveal through the verifier it gets: it got the no-op one.
    assertThat(chain.verifierCalls.get()).isEqualTo(2);
  }

  @Test
  void shouldRejectBlockFromTheFuture() {
    chain.setSlot(1);
    SignedBeaconBlock block = chain.produce(genesis, 2);
    assertRejected(chain.pipeline.gossipVerify(block), Reason.FUTURE_SLOT);
  }

  @Test
  void shouldAcceptBlockWithinClockDisparity() {
    chain.setSlot(2);
    SignedBeaconBlock block = chain.produce(genesis, 2);
    long slotStart = chain.nowMillis.get() - 1000;
    chain.nowMillis.set(slotStart - BlockImportPipeline.MAXIMUM_GOSSIP_CLOCK_DISPARITY_MILLIS);
    assertThat(chain.pipeline.gossipVerify(block).isAccepted()).isTrue();
    chain.nowMillis.set(slotStart - BlockImportPipeline.MAXIMUM_GOSSIP_CLOCK_DISPARITY_MILLIS - 1);
    assertRejected(chain.pipeline.gossipVerify(block), Reason.FUTURE_SLOT);
  }

  @Test
  void shouldRejectKnownBlock() {
    ImportedBlock imported = chain.extend(genesis, 1);
    assertRejected(chain.pipeline.gossipVerify(imported.block()), Reason.ALREADY_KNOWN);
  }

  @Test
  void shouldRejectSecondImportOfBlockThatPassedEarlierStagesTwice() {
    chain.setSlot(1);
    SignedBeaconBlock block = chain.produce(genesis, 1);
    SignatureVerifiedBlock first =
        chain.pipeline.verifySignatures(chain.pipeline.gossipVerify(block).value()).value();
    SignatureVerifiedBlock second =
        chain.pipeline.verifySignatures(chain.pipeline.gossipVerify(block).value()).value();
    assertThat(chain.pipeline.importBlock(first).isAccepted()).isTrue();
    assertRejected(chain.pipeline.importBlock(second), Reason.ALREADY_KNOWN);
  }

  @Test
  void shouldRejectUnknownParent() {
    chain.setSlot(2);
    SignedBeaconBlock block = chain.produce(genesis, 2);
    SignedBeaconBlock orphan = resign(withParent(block.message(), Bytes32.repeat((byte) 7)));
    assertRejected(chain.pipeline.gossipVerify(orphan), Reason.UNKNOWN_PARENT);
  }

  @Test
  void shouldRejectBlockNotAfterFinalizedSlot() {
    // A block on genesis at slot 1 (a fork), then the canonical chain finalizes past it.
    chain.setSlot(1);
    SignedBeaconBlock stale = chain.produce(genesis, 1);
    chain.extendHead(2, 3 * 8 + 1);
    assertThat(chain.store.finalizedCheckpoint().epoch().value().longValue()).isGreaterThan(0);
    assertRejected(chain.pipeline.gossipVerify(stale), Reason.NOT_AFTER_FINALIZED_SLOT);
  }

  @Test
  void shouldRejectSlotNotAfterParent() {
    ImportedBlock first = chain.extend(genesis, 2);
    // A block claiming slot 2 again on top of the slot-2 block.
    BeaconState parentState = first.postState();
    BeaconBlock block =
        new BeaconBlock(
            Slot.of(2),
            ValidatorIndex.ZERO,
            first.root(),
            Bytes32.ZERO,
            BeaconBlockBody.empty(Bytes.wrap(new byte[96]), Bytes32.ZERO));
    assertRejected(
        chain.pipeline.gossipVerify(chain.sign(parentState, block)), Reason.SLOT_NOT_AFTER_PARENT);
  }

  @Test
  void shouldRejectIncorrectProposer() {
    chain.setSlot(1);
    BeaconBlock block = chain.produce(genesis, 1).message();
    long wrong = (block.proposerIndex().value().longValue() + 1) % 64;
    BeaconBlock other =
        new BeaconBlock(
            block.slot(),
            ValidatorIndex.of(wrong),
            block.parentRoot(),
            block.stateRoot(),
            block.body());
    assertRejected(chain.pipeline.gossipVerify(resign(other)), Reason.INCORRECT_PROPOSER);
  }

  @Test
  void shouldRejectInvalidProposerSignature() {
    chain.setSlot(1);
    SignedBeaconBlock block = chain.produce(genesis, 1);
    SignedBeaconBlock forged = new SignedBeaconBlock(block.message(), otherSig());
    assertRejected(chain.pipeline.gossipVerify(forged), Reason.INVALID_PROPOSER_SIGNATURE);
    SignedBeaconBlock garbage = new SignedBeaconBlock(block.message(), Bytes.wrap(new byte[96]));
    assertRejected(chain.pipeline.gossipVerify(garbage), Reason.INVALID_PROPOSER_SIGNATURE);
  }

  @Test
  void shouldRejectInvalidRandaoRevealInSignatureStage() {
    chain.setSlot(1);
    BeaconBlock block = chain.produce(genesis, 1).message();
    BeaconBlockBody body = block.body();
    BeaconBlockBody badBody =
        new BeaconBlockBody(
            otherSig(),
            body.graffiti(),
            body.proposerSlashings(),
            body.attesterSlashings(),
            body.attestations(),
            body.deposits(),
            body.voluntaryExits(),
            body.shardHeaders(),
            body.stakingReceipts());
    SignedBeaconBlock signed = resign(withBody(block, badBody));
    ImportResult<GossipVerifiedBlock> gossip = chain.pipeline.gossipVerify(signed);
    assertThat(gossip.isAccepted()).isTrue();
    assertRejected(chain.pipeline.verifySignatures(gossip.value()), Reason.INVALID_SIGNATURE);

    SignedBeaconBlock malformed =
        resign(withBody(block, withReveal(body, Bytes.wrap(new byte[96]))));
    assertRejected(
        chain.pipeline.verifySignatures(chain.pipeline.gossipVerify(malformed).value()),
        Reason.MALFORMED_SIGNATURE);
  }

  @Test
  void shouldRejectStateRootMismatch() {
    chain.setSlot(1);
    BeaconBlock block = chain.produce(genesis, 1).message();
    SignedBeaconBlock wrongRoot = resign(block.withStateRoot(Bytes32.repeat((byte) 1)));
    assertRejected(chain.pipeline.process(wrongRoot), Reason.STATE_ROOT_MISMATCH);
    assertThat(chain.store.headRoot()).isEqualTo(genesis);
  }

  @Test
  void shouldRejectBlockTheTransitionRefuses() {
    chain.setSlot(1);
    BeaconBlock block = chain.produce(genesis, 1).message();
    // Claims a pending deposit the state does not have: the transition refuses it.
    BeaconBlockBody body = block.body();
    BeaconBlockBody withDeposit =
        new BeaconBlockBody(
            body.randaoReveal(),
            body.graffiti(),
            body.proposerSlashings(),
            body.attesterSlashings(),
            body.attestations(),
            List.of(new Deposit(InteropDeposits.create(ChainFixture.CONFIG, 1).get(0))),
            body.voluntaryExits(),
            body.shardHeaders(),
            body.stakingReceipts());
    assertRejected(
        chain.pipeline.process(resign(withBody(block, withDeposit))),
        Reason.STATE_TRANSITION_FAILED);
  }

  @Test
  void shouldRejectBlockForkChoiceRefuses() {
    // Fork choice's clock is behind the block (the gossip clock allows 500 ms early): FUTURE_SLOT
    // there.
    chain.setSlot(1);
    SignedBeaconBlock block = chain.produce(genesis, 2);
    chain.setSlot(2);
    SignatureVerifiedBlock verified =
        chain.pipeline.verifySignatures(chain.pipeline.gossipVerify(block).value()).value();
    chain.nowMillis.addAndGet(-1_100);
    assertRejected(chain.pipeline.importBlock(verified), Reason.FORK_CHOICE_REJECTED);
    assertThat(chain.store.contains(verified.root())).isFalse();
  }

  @Test
  void shouldImportOnlyOnTheForkChoiceThread() throws Exception {
    Thread owner = Thread.currentThread();
    ChainFixture owned =
        ChainFixture.genesis(
            InMemoryKvStore.create(BasaltSchema.SCHEMA), 8, () -> Thread.currentThread() == owner);
    owned.setSlot(1);
    SignedBeaconBlock block = owned.produce(owned.store.headRoot(), 1);
    // The first two stages only read: any thread may run them.
    AtomicReference<SignatureVerifiedBlock> verified = new AtomicReference<>();
    AtomicReference<Throwable> importError = new AtomicReference<>();
    Thread worker =
        new Thread(
            () -> {
              verified.set(
                  owned
                      .pipeline
                      .verifySignatures(owned.pipeline.gossipVerify(block).value())
                      .value());
              try {
                owned.pipeline.importBlock(verified.get());
              } catch (Throwable t) {
                importError.set(t);
              }
            });
    worker.start();
    worker.join();

    assertThat(importError.get()).isInstanceOf(IllegalStateException.class);
    assertThat(owned.store.contains(verified.get().root())).isFalse();
    assertThat(owned.pipeline.importBlock(verified.get()).isAccepted()).isTrue();
  }

  private static Bytes otherSig() {
    return Bls.sign(ChainFixture.key(ValidatorIndex.of(63)), Bytes32.repeat((byte) 9)).toBytes();
  }

  private SignedBeaconBlock resign(BeaconBlock block) {
    try {
      BeaconState parent =
          chain.states.stateOf(block.parentRoot()).orElse(chain.states.stateOf(genesis).get());
      return chain.sign(chain.transition.advanceTo(parent, block.slot()), block);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static BeaconBlock withParent(BeaconBlock block, Bytes32 parent) {
    return new BeaconBlock(
        block.slot(), block.proposerIndex(), parent, block.stateRoot(), block.body());
  }

  private static BeaconBlock withBody(BeaconBlock block, BeaconBlockBody body) {
    return new BeaconBlock(
        block.slot(), block.proposerIndex(), block.parentRoot(), block.stateRoot(), body);
  }

  private static BeaconBlockBody withReveal(BeaconBlockBody body, Bytes reveal) {
    return new BeaconBlockBody(
        reveal,
        body.graffiti(),
        body.proposerSlashings(),
        body.attesterSlashings(),
        body.attestations(),
        body.deposits(),
        body.voluntaryExits(),
        body.shardHeaders(),
        body.stakingReceipts());
  }

  private static void assertRejected(ImportResult<?> result, Reason reason) {
    assertThat(result.isAccepted()).as("accepted instead of " + reason).isFalse();
    assertThat(result.rejection().reason()).isEqualTo(reason);
  }
}
