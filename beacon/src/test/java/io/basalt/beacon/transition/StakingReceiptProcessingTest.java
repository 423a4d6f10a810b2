package io.basalt.beacon.transition;

import static io.basalt.beacon.transition.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.datastructures.shard.Crosslink;
import io.basalt.beacon.datastructures.shard.ShardBlockHeader;
import io.basalt.beacon.datastructures.shard.ShardOutbox;
import io.basalt.beacon.datastructures.shard.SignedShardBlockHeader;
import io.basalt.beacon.datastructures.shard.StakingReceipt;
import io.basalt.beacon.datastructures.shard.StakingReceiptProof;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.PendingDeposit;
import io.basalt.beacon.testing.TestChain;
import io.basalt.beacon.testing.TestStates;
import io.basalt.common.crypto.bls.InteropKeys;
import io.basalt.common.types.Address;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.consensus.types.AttestationData;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/** Staking receipts proven against crosslinks become pending deposits, then validators. */
class StakingReceiptProcessingTest {

  private static final Gwei DEPOSIT = Gwei.of(32_000_000_000L);
  private static final ShardId SHARD = ShardId.of(1);
  private static final Address SENDER =
      Address.fromHexString("0x00000000000000000000000000000000000000aa");

  private final TestChain chain = new TestChain(TestStates.genesis64());
  private final ShardOutbox.Schema outboxSchema = chain.schemas().shardOutbox();

  /** Staking receipt {@code index} of {@code source} depositing for interop key {@code key}. */
  private StakingReceipt receipt(ShardId source, long index, long key) {
    PendingDeposit pending = chain.operations().pendingDeposit(key, DEPOSIT, true);
    return new StakingReceipt(
        source,
        UInt64.valueOf(index),
        pending.pubkey(),
        pending.withdrawalAddress(),
        pending.amount(),
        pending.signature(),
        SENDER,
        Bytes32.repeat((byte) (key + 1)));
  }

  private ShardOutbox outboxOf(StakingReceipt... receipts) {
    ShardOutbox outbox = ShardOutbox.empty(outboxSchema);
    for (StakingReceipt receipt : receipts) {
      outbox = outbox.with(receipt);
    }
    return outbox;
  }

  private StakingReceiptProof proof(ShardOutbox outbox, long index) {
    return new StakingReceiptProof(
        outbox.toBeacon().get(index), outbox.proveStakingReceipt(outboxSchema, index));
  }

  /** Makes the head's latest crosslink of {@code shard} commit to {@code outbox}. */
  private void crosslink(ShardId shard, ShardOutbox outbox) {
    BeaconState head = chain.head();
    Crosslink crosslink =
        new Crosslink(
            shard, Slot.ZERO, Bytes32.repeat((byte) 5), Bytes32.ZERO, outbox.root(outboxSchema));
    chain.setHead(head.updated(m -> m.setLatestCrosslink(shard.id(), crosslink)));
  }

  @Test
  void provenReceiptIsQueuedThenDepositedOneBlockLater() throws Exception {
    ShardOutbox outbox = outboxOf(receipt(SHARD, 0, 64));
    crosslink(SHARD, outbox);

    BeaconState queued =
        chain.importBlock(
            chain.produce(Slot.of(1), body -> body.stakingReceipts.add(proof(outbox, 0))));
    assertThat(queued.pendingDeposits().toList())
        .containsExactly(outbox.toBeacon().get(0).toPendingDeposit());
    assertThat(queued.stakingReceiptCursors().get(SHARD.id())).isEqualTo(UInt64.ONE);
    assertThat(queued.stakingReceiptCursors().get(0)).isEqualTo(UInt64.ZERO);
    assertThat(queued.validators().size()).isEqualTo(64);

    BeaconState deposited = chain.importBlock(chain.produce(Slot.of(2), body -> {}));
    assertThat(deposited.pendingDeposits().size()).isZero();
    assertThat(deposited.validators().size()).isEqualTo(65);
    assertThat(deposited.validators().get(64).pubkey())
        .isEqualTo(InteropKeys.secretKey(64).publicKey().toBytes());
    assertThat(deposited.balances().get(64)).isEqualTo(DEPOSIT);
  }

  @Test
  void receiptsOfSeveralShardsAreQueuedInBlockOrder() throws Exception {
    ShardOutbox fromOne = outboxOf(receipt(SHARD, 0, 64), receipt(SHARD, 1, 65));
    ShardOutbox fromThree = outboxOf(receipt(ShardId.of(3), 0, 66));
    crosslink(SHARD, fromOne);
    crosslink(ShardId.of(3), fromThree);

    BeaconState after =
        chain.importBlock(
            chain.produce(
                Slot.of(1),
                body ->
                    body.stakingReceipts.addAll(
                        List.of(proof(fromThree, 0), proof(fromOne, 0), proof(fromOne, 1)))));
    assertThat(after.pendingDeposits().toList())
        .containsExactly(
            fromThree.toBeacon().get(0).toPendingDeposit(),
            fromOne.toBeacon().get(0).toPendingDeposit(),
            fromOne.toBeacon().get(1).toPendingDeposit());
    assertThat(after.stakingReceiptCursors().get(1)).isEqualTo(UInt64.valueOf(2));
    assertThat(after.stakingReceiptCursors().get(3)).isEqualTo(UInt64.ONE);
  }

  @Test
  void crosslinkConfirmedInTheSameBlockAlreadyProvesReceipts() throws Exception {
    ShardOutbox outbox = outboxOf(receipt(SHARD, 0, 64));
    chain.advance();
    BeaconState view = chain.stateAt(Slot.of(2));
    Bytes32 beaconRoot = chain.accessors().getBlockRootAtSlot(view, Slot.of(1));
    ShardBlockHeader unsigned =
        chain
            .operations()
            .shardHeader(view, Slot.of(1), SHARD, Bytes32.ZERO, beaconRoot, 0)
            .message();
    SignedShardBlockHeader header =
        chain.operations().signShardHeader(view, withReceiptsRoot(unsigned, outbox));
    AttestationData data =
        chain
            .operations()
            .attestationData(view, Slot.of(1), SHARD, header.message().hashTreeRoot());

    BeaconState after =
        chain.importBlock(
            chain.produce(
                Slot.of(2),
                body -> {
                  body.shardHeaders.add(header);
                  body.attestations.add(chain.operations().fullAttestation(view, data));
                  body.stakingReceipts.add(proof(outbox, 0));
                }));
    assertThat(after.latestCrosslinks().get(SHARD.id()).receiptsRoot())
        .isEqualTo(outbox.root(outboxSchema));
    assertThat(after.pendingDeposits().size()).isEqualTo(1);
  }

  @Test
  void replayOfAQueuedReceiptIsRejected() throws Exception {
    ShardOutbox outbox = outboxOf(receipt(SHARD, 0, 64));
    crosslink(SHARD, outbox);
    chain.importBlock(
        chain.produce(Slot.of(1), body -> body.stakingReceipts.add(proof(outbox, 0))));

    assertRejected(
        () ->
            chain.importBlock(
                chain.produceUnchecked(
                    Slot.of(2), body -> body.stakingReceipts.add(proof(outbox, 0)))),
        InvalidBlockReason.STAKING_RECEIPT_OUT_OF_ORDER);
  }

  @Test
  void sameReceiptTwiceInOneBlockIsRejected() {
    ShardOutbox outbox = outboxOf(receipt(SHARD, 0, 64));
    crosslink(SHARD, outbox);
    assertRejected(
        () ->
            chain.importBlock(
                chain.produceUnchecked(
                    Slot.of(1),
                    body -> {
                      body.stakingReceipts.add(proof(outbox, 0));
                      body.stakingReceipts.add(proof(outbox, 0));
                    })),
        InvalidBlockReason.STAKING_RECEIPT_OUT_OF_ORDER);
  }

  @Test
  void receiptAheadOfAMissingOneIsRejected() {
    ShardOutbox outbox = outboxOf(receipt(SHARD, 0, 64), receipt(SHARD, 1, 65));
    crosslink(SHARD, outbox);
    assertRejected(
        () ->
            chain.importBlock(
                chain.produceUnchecked(
                    Slot.of(1), body -> body.stakingReceipts.add(proof(outbox, 1)))),
        InvalidBlockReason.STAKING_RECEIPT_OUT_OF_ORDER);
  }

  @Test
  void receiptFromAShardThatDoesNotExistIsRejected() {
    int shardCount = TestStates.LOCAL.shardCount();
    StakingReceipt receipt = receipt(ShardId.of(shardCount), 0, 64);
    StakingReceiptProof proof = new StakingReceiptProof(receipt, List.of());
    assertRejected(
        () ->
            chain.importBlock(
                chain.produceUnchecked(Slot.of(1), body -> body.stakingReceipts.add(proof))),
        InvalidBlockReason.STAKING_RECEIPT_SHARD_OUT_OF_RANGE);
  }

  @Test
  void receiptNotCommittedByTheCrosslinkIsRejected() {
    ShardOutbox outbox = outboxOf(receipt(SHARD, 0, 64));
    // No crosslink yet: the shard's genesis crosslink commits to nothing.
    assertRejected(
        () ->
            chain.importBlock(
                chain.produceUnchecked(
                    Slot.of(1), body -> body.stakingReceipts.add(proof(outbox, 0)))),
        InvalidBlockReason.STAKING_RECEIPT_PROOF_INVALID);
  }

  @Test
  void tamperedReceiptOrBranchIsRejected() {
    ShardOutbox outbox = outboxOf(receipt(SHARD, 0, 64));
    crosslink(SHARD, outbox);
    StakingReceiptProof honest = proof(outbox, 0);
    StakingReceipt original = honest.receipt();
    StakingReceipt inflated =
        new StakingReceipt(
            original.source(),
            original.index(),
            original.pubkey(),
            original.withdrawalAddress(),
            Gwei.of(320_000_000_000L),
            original.signature(),
            original.sender(),
            original.sourceTxHash());
    List<Bytes32> shortBranch = honest.branch().subList(0, honest.branch().size() - 1);
    List<Bytes32> flipped = new ArrayList<>(honest.branch());
    flipped.set(0, Bytes32.repeat((byte) 0x77));
    for (StakingReceiptProof bad :
        List.of(
            new StakingReceiptProof(inflated, honest.branch()),
            new StakingReceiptProof(original, shortBranch),
            new StakingReceiptProof(original, flipped),
            new StakingReceiptProof(original, List.of()))) {
      assertRejected(
          () ->
              chain.importBlock(
                  chain.produceUnchecked(Slot.of(1), body -> body.stakingReceipts.add(bad))),
          InvalidBlockReason.STAKING_RECEIPT_PROOF_INVALID);
    }
  }

  private static ShardBlockHeader withReceiptsRoot(ShardBlockHeader h, ShardOutbox outbox) {
    return new ShardBlockHeader(
        h.shard(),
        h.slot(),
        h.proposerIndex(),
        h.parentRoot(),
        h.beaconBlockRoot(),
        h.stateRoot(),
        h.transactionsRoot(),
        outbox.root(new ShardOutbox.Schema(TestStates.LOCAL.shardCount())),
        h.incomingReceiptsRoot(),
        h.gasUsed(),
        h.gasLimit(),
        h.baseFee(),
        h.feeRecipient());
  }
}
