package io.basalt.beacon.transition;

import static io.basalt.beacon.transition.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.datastructures.shard.Crosslink;
import io.basalt.beacon.datastructures.shard.PendingShardHeader;
import io.basalt.beacon.datastructures.shard.ShardBlockHeader;
import io.basalt.beacon.datastructures.shard.SignedShardBlockHeader;
import io.basalt.beacon.genesis.GenesisBuilder;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.testing.TestChain;
import io.basalt.beacon.testing.TestStates;
import io.basalt.common.crypto.bls.BlsBatchVerifier;
import io.basalt.common.crypto.bls.BlsSignatureVerifier;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.types.Attestation;
import io.basalt.consensus.types.AttestationData;
import java.util.List;
import java.util.function.IntPredicate;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Shard headers and crosslink votes, with 96 validators: committees of three. */
class CrosslinkProcessingTest {

  private static final ShardId SHARD = ShardId.of(0);
  private static BeaconState genesis96;

  private final TestChain chain = new TestChain(genesis96());
  private BeaconState view; // the head seen from slot 2, where the test blocks go
  private SignedShardBlockHeader header; // shard 0's block of slot 1

  private static synchronized BeaconState genesis96() {
    if (genesis96 == null) {
      genesis96 = GenesisBuilder.interop(TestStates.LOCAL, 96, TestStates.GENESIS_TIME);
    }
    return genesis96;
  }

  @BeforeEach
  void blockOneAndShardHeader() throws Exception {
    chain.advance();
    view = chain.stateAt(Slot.of(2));
    header = shardHeader(Slot.of(1), Bytes32.ZERO, 0);
  }

  private SignedShardBlockHeader shardHeader(Slot slot, Bytes32 parent, int salt) {
    Bytes32 beaconRoot = chain.accessors().getBlockRootAtSlot(view, Slot.of(1));
    return chain.operations().shardHeader(view, slot, SHARD, parent, beaconRoot, salt);
  }

  private Attestation vote(BeaconState state, Bytes32 shardHeadRoot, IntPredicate members) {
    AttestationData data =
        chain.operations().attestationData(state, Slot.of(1), SHARD, shardHeadRoot);
    return chain.operations().attestation(state, data, members);
  }

  private Bytes32 root(SignedShardBlockHeader signed) {
    return signed.message().hashTreeRoot();
  }

  @Test
  void crosslinkIsRecordedWhenTwoThirdsOfTheCommitteeStakeVotes() throws Exception {
    Attestation twoOfThree = vote(view, root(header), i -> i < 2);
    BeaconState after =
        chain.importBlock(
            chain.produce(
                Slot.of(2),
                body -> {
                  body.shardHeaders.add(header);
                  body.attestations.add(twoOfThree);
                }));
    Crosslink crosslink = after.latestCrosslinks().get(0);
    assertThat(crosslink).isEqualTo(header.message().toCrosslink());
    PendingShardHeader pending = after.currentEpochPendingShardHeaders().get(0);
    assertThat(pending.weight()).isEqualTo(Gwei.of(64_000_000_000L));
    assertThat(pending.votes().bitCount()).isEqualTo(2);
    assertThat(after.latestCrosslinks().get(1)).isEqualTo(Crosslink.genesis(ShardId.of(1)));
  }

  @Test
  void crosslinkIsNotRecordedBelowTwoThirdsAndVotesAccumulateAcrossBlocks() throws Exception {
    Attestation oneOfThree = vote(view, root(header), i -> i == 0);
    BeaconState afterFirst =
        chain.importBlock(
            chain.produce(
                Slot.of(2),
                body -> {
                  body.shardHeaders.add(header);
                  body.attestations.add(oneOfThree);
                  body.attestations.add(oneOfThree); // the same member again counts once
                }));
    assertThat(afterFirst.latestCrosslinks().get(0)).isEqualTo(Crosslink.genesis(SHARD));
    PendingShardHeader pending = afterFirst.currentEpochPendingShardHeaders().get(0);
    assertThat(pending.weight()).isEqualTo(Gwei.of(32_000_000_000L));
    assertThat(pending.votes().size()).isEqualTo(3);

    BeaconState later = chain.stateAt(Slot.of(3));
    Attestation anotherOne = vote(later, root(header), i -> i == 2);
    BeaconState afterSecond =
        chain.importBlock(chain.produce(Slot.of(3), body -> body.attestations.add(anotherOne)));
    assertThat(afterSecond.latestCrosslinks().get(0)).isEqualTo(header.message().toCrosslink());
  }

  @Test
  void votesForAnUnregisteredHeaderCountForNothing() throws Exception {
    Attestation all = vote(view, Bytes32.repeat((byte) 8), i -> true);
    BeaconState after =
        chain.importBlock(
            chain.produce(
                Slot.of(2),
                body -> {
                  body.shardHeaders.add(header);
                  body.attestations.add(all);
                }));
    assertThat(after.latestCrosslinks().get(0)).isEqualTo(Crosslink.genesis(SHARD));
    assertThat(after.currentEpochPendingShardHeaders().get(0).weight()).isEqualTo(Gwei.ZERO);
  }

  @Test
  void childHeaderMayBuildOnAPendingParent() throws Exception {
    chain.importBlock(chain.produce(Slot.of(2), body -> body.shardHeaders.add(header)));
    view = chain.stateAt(Slot.of(3));
    SignedShardBlockHeader child = shardHeader(Slot.of(2), root(header), 0);
    BeaconState after =
        chain.importBlock(chain.produce(Slot.of(3), body -> body.shardHeaders.add(child)));
    assertThat(after.currentEpochPendingShardHeaders().size()).isEqualTo(2);
  }

  @Test
  void shouldRejectHeadersBreakingTheAcceptanceRules() throws Exception {
    assertHeaderRejected(
        shardHeader(Slot.of(1), Bytes32.repeat((byte) 4), 0),
        InvalidBlockReason.SHARD_HEADER_PARENT_UNKNOWN);
    ShardBlockHeader valid = header.message();
    assertHeaderRejected(
        chain.operations().signShardHeader(view, withBeaconRoot(valid, Bytes32.repeat((byte) 6))),
        InvalidBlockReason.SHARD_HEADER_BEACON_ROOT_UNKNOWN);
    ValidatorIndex other = ValidatorIndex.of((valid.proposerIndex().intValue() + 1) % 96);
    assertHeaderRejected(
        chain.operations().signShardHeader(view, withProposer(valid, other)),
        InvalidBlockReason.SHARD_HEADER_PROPOSER_MISMATCH);
    assertHeaderRejected(
        shardHeader(Slot.of(3), Bytes32.ZERO, 0), InvalidBlockReason.SHARD_HEADER_FUTURE_SLOT);
    assertHeaderRejected(
        chain.operations().signShardHeader(view, withShard(valid, ShardId.of(4))),
        InvalidBlockReason.SHARD_HEADER_SHARD_OUT_OF_RANGE);
    assertRejected(
        () ->
            chain.importBlock(
                chain.produceUnchecked(
                    Slot.of(2),
                    body -> {
                      body.shardHeaders.add(header);
                      body.shardHeaders.add(header);
                    })),
        InvalidBlockReason.SHARD_HEADER_DUPLICATE);
  }

  @Test
  void shouldRejectBadShardHeaderSignatureWithBatchAndSimpleVerifiers() {
    SignedShardBlockHeader forged =
        new SignedShardBlockHeader(
            header.message(), shardHeader(Slot.of(1), Bytes32.ZERO, 1).signature());
    var block = chain.blocks().build(chain.head(), Slot.of(2), withHeader(forged));
    for (BlsSignatureVerifier verifier :
        List.of(new BlsBatchVerifier(), BlsSignatureVerifier.simple())) {
      assertRejected(
          () -> chain.transition().stateTransition(chain.head(), block, verifier, true),
          InvalidBlockReason.SHARD_HEADER_SIGNATURE_INVALID);
    }
  }

  @Test
  void shouldRejectHeaderNotAfterTheLatestCrosslink() throws Exception {
    chain.importBlock(
        chain.produce(
            Slot.of(2),
            body -> {
              body.shardHeaders.add(header);
              body.attestations.add(vote(view, root(header), i -> true));
            }));
    view = chain.stateAt(Slot.of(3));
    SignedShardBlockHeader competing = shardHeader(Slot.of(1), Bytes32.ZERO, 5);
    assertRejected(
        () ->
            chain.importBlock(
                chain.produceUnchecked(Slot.of(3), body -> body.shardHeaders.add(competing))),
        InvalidBlockReason.SHARD_HEADER_NOT_AFTER_CROSSLINK);
  }

  private void assertHeaderRejected(SignedShardBlockHeader bad, InvalidBlockReason reason) {
    assertRejected(
        () ->
            chain.importBlock(
                chain.produceUnchecked(Slot.of(2), body -> body.shardHeaders.add(bad))),
        reason);
  }

  private static io.basalt.beacon.testing.BlockBuilder.Body withHeader(
      SignedShardBlockHeader signed) {
    var body = new io.basalt.beacon.testing.BlockBuilder.Body();
    body.shardHeaders.add(signed);
    return body;
  }

  private static ShardBlockHeader withBeaconRoot(ShardBlockHeader h, Bytes32 root) {
    return new ShardBlockHeader(
        h.shard(),
        h.slot(),
        h.proposerIndex(),
        h.parentRoot(),
        root,
        h.stateRoot(),
        h.transactionsRoot(),
        h.receiptsRoot(),
        h.incomingReceiptsRoot(),
        h.gasUsed(),
        h.gasLimit(),
        h.baseFee(),
        h.feeRecipient());
  }

  private static ShardBlockHeader withProposer(ShardBlockHeader h, ValidatorIndex proposer) {
    return new ShardBlockHeader(
        h.shard(),
        h.slot(),
        proposer,
        h.parentRoot(),
        h.beaconBlockRoot(),
        h.stateRoot(),
        h.transactionsRoot(),
        h.receiptsRoot(),
        h.incomingReceiptsRoot(),
        h.gasUsed(),
        h.gasLimit(),
        h.baseFee(),
        h.feeRecipient());
  }

  private static ShardBlockHeader withShard(ShardBlockHeader h, ShardId shard) {
    return new ShardBlockHeader(
        shard,
        h.slot(),
        h.proposerIndex(),
        h.parentRoot(),
        h.beaconBlockRoot(),
        h.stateRoot(),
        h.transactionsRoot(),
        h.receiptsRoot(),
        h.incomingReceiptsRoot(),
        h.gasUsed(),
        h.gasLimit(),
        h.baseFee(),
        h.feeRecipient());
  }
}
