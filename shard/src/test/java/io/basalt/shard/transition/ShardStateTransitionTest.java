package io.basalt.shard.transition;

import static io.basalt.shard.transition.ShardFixture.address;
import static io.basalt.shard.transition.ShardFixture.ether;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.datastructures.shard.CrossShardReceipt;
import io.basalt.beacon.datastructures.shard.Crosslink;
import io.basalt.beacon.datastructures.shard.ShardBlockHeader;
import io.basalt.common.crypto.bls.BlsSignatureVerifier;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.execution.state.Wei;
import io.basalt.execution.state.WorldState;
import io.basalt.shard.chain.ShardChain;
import io.basalt.shard.chain.ShardImport;
import io.basalt.shard.datastructures.IncomingReceipt;
import io.basalt.shard.datastructures.ShardBlock;
import io.basalt.shard.datastructures.ShardBlockBody;
import io.basalt.shard.datastructures.SignedShardBlock;
import io.basalt.shard.state.ShardState;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class ShardStateTransitionTest {

  private static final OutboxSource NO_OUTBOXES = (shard, root) -> Optional.empty();

  private final ShardFixture f = new ShardFixture();

  @Test
  void shouldImportAProducedBlockOnAnotherNodeWithTheSameState() throws Exception {
    ShardChain producerChain = f.chain(1);
    ShardChain validatorChain = f.chain(1);
    ShardState genesis = producerChain.stateAfter(Bytes32.ZERO).orElseThrow();

    SignedShardBlock block =
        f.produce(
            producerChain,
            genesis,
            1,
            List.of(
                f.tx(1, 0, 0, address(5), ether(3), Bytes.EMPTY),
                f.crossShardTransfer(1, 1, 0, 2, address(6), ether(7))),
            NO_OUTBOXES);

    ShardImport outcome = importInto(validatorChain, block);
    assertThat(outcome).isInstanceOf(ShardImport.Imported.class);
    ShardState post = ((ShardImport.Imported) outcome).result().state();
    assertThat(post.accountsRoot()).isEqualTo(block.message().header().stateRoot());
    assertThat(block.message().body().transactions()).hasSize(2);

    WorldState world = WorldState.open(post.accountsRoot(), validatorChain.nodeStore());
    assertThat(world.getOrEmpty(address(5)).balance()).isEqualTo(ether(3));
    assertThat(world.getOrEmpty(address(6)).balance()).isEqualTo(Wei.ZERO);
    assertThat(world.getOrEmpty(address(0)).nonce()).isEqualTo(UInt64.ONE);
    assertThat(post.outbox().countTo(ShardId.of(2))).isEqualTo(UInt64.ONE);
    assertThat(post.outbox().toShards().get(2).get(0).value()).isEqualTo(ether(7).value());
    assertThat(post.nextBaseFee()).isLessThan(genesis.nextBaseFee()); // far below the gas target
  }

  @Test
  void shouldCreditACrossShardTransferOnceItsSourceIsCrosslinked() throws Exception {
    ShardChain source = f.chain(1);
    ShardChain destination = f.chain(2);
    SignedShardBlock sent =
        f.produce(
            source,
            source.stateAfter(Bytes32.ZERO).orElseThrow(),
            1,
            List.of(f.crossShardTransfer(1, 1, 0, 2, address(6), ether(7))),
            NO_OUTBOXES);
    assertThat(importInto(source, sent)).isInstanceOf(ShardImport.Imported.class);
    OutboxSource outboxes = (shard, root) -> source.outboxAfter(root);
    ShardState destinationGenesis = destination.stateAfter(Bytes32.ZERO).orElseThrow();

    SignedShardBlock before = f.produce(destination, destinationGenesis, 2, List.of(), outboxes);
    assertThat(before.message().body().incomingReceipts()).isEmpty(); // not crosslinked yet

    crosslink(sent.message().header());
    SignedShardBlock after = f.produce(destination, destinationGenesis, 2, List.of(), outboxes);
    assertThat(after.message().body().incomingReceipts()).hasSize(1);
    ShardImport outcome = importInto(destination, after);
    assertThat(outcome).isInstanceOf(ShardImport.Imported.class);
    ShardState post = ((ShardImport.Imported) outcome).result().state();
    WorldState world = WorldState.open(post.accountsRoot(), destination.nodeStore());
    assertThat(world.getOrEmpty(address(6)).balance()).isEqualTo(ether(7));
    assertThat(post.inboxCursor(ShardId.of(1))).isEqualTo(UInt64.ONE);

    // The next block finds nothing new, and replaying the receipt is refused.
    SignedShardBlock next = f.produce(destination, post, 3, List.of(), outboxes);
    assertThat(next.message().body().incomingReceipts()).isEmpty();
    SignedShardBlock replay =
        f.sign(
            new ShardBlock(
                reheader(next.message(), after.message().body()), after.message().body()));
    assertRejected(destination, replay, InvalidShardBlockReason.INCOMING_RECEIPT_OUT_OF_ORDER);
  }

  @Test
  void shouldRejectAReceiptWhoseProofIsNotUnderTheCrosslink() throws Exception {
    ShardChain source = f.chain(1);
    ShardChain destination = f.chain(2);
    SignedShardBlock sent =
        f.produce(
            source,
            source.stateAfter(Bytes32.ZERO).orElseThrow(),
            1,
            List.of(f.crossShardTransfer(1, 1, 0, 2, address(6), ether(7))),
            NO_OUTBOXES);
    importInto(source, sent);
    crosslink(sent.message().header());
    ShardState genesis = destination.stateAfter(Bytes32.ZERO).orElseThrow();
    SignedShardBlock honest =
        f.produce(destination, genesis, 2, List.of(), (s, r) -> source.outboxAfter(r));
    var body = honest.message().body();
    var incoming = body.incomingReceipts().get(0);
    var inflated =
        new IncomingReceipt(
            new CrossShardReceipt(
                incoming.receipt().source(),
                incoming.receipt().destination(),
                incoming.receipt().index(),
                incoming.receipt().sender(),
                incoming.receipt().recipient(),
                ether(70).value(),
                incoming.receipt().sourceTxHash()),
            incoming.branch());
    var forgedBody = new ShardBlockBody(body.transactions(), List.of(inflated), body.withdrawals());
    SignedShardBlock forged =
        f.sign(new ShardBlock(reheader(honest.message(), forgedBody), forgedBody));
    assertRejected(destination, forged, InvalidShardBlockReason.INCOMING_RECEIPT_PROOF_INVALID);
  }

  @Test
  void shouldRejectBlocksThatBreakHeaderRules() throws Exception {
    ShardChain chain = f.chain(1);
    ShardState genesis = chain.stateAfter(Bytes32.ZERO).orElseThrow();
    SignedShardBlock good =
        f.produce(
            chain,
            genesis,
            1,
            List.of(f.tx(1, 0, 0, address(5), ether(1), Bytes.EMPTY)),
            NO_OUTBOXES);
    ShardBlock block = good.message();
    ShardBlockHeader h = block.header();

    assertRejected(
        chain,
        new SignedShardBlock(block, f.sign(withStateRoot(block, Bytes32.ZERO)).signature()),
        InvalidShardBlockReason.SIGNATURE_INVALID);
    assertRejected(
        chain,
        f.sign(withStateRoot(block, Bytes32.repeat((byte) 7))),
        InvalidShardBlockReason.STATE_ROOT_MISMATCH);
    assertRejected(
        chain,
        f.sign(
            new ShardBlock(copy(h, h.slot(), h.beaconBlockRoot(), BigInteger.TWO), block.body())),
        InvalidShardBlockReason.BASE_FEE_MISMATCH);
    assertRejected(
        chain,
        f.sign(
            new ShardBlock(copy(h, h.slot(), Bytes32.repeat((byte) 1), h.baseFee()), block.body())),
        InvalidShardBlockReason.BEACON_BLOCK_UNKNOWN);
    var otherBody =
        new ShardBlockBody(List.of(), block.body().incomingReceipts(), block.body().withdrawals());
    assertRejected(
        chain,
        f.sign(new ShardBlock(h, otherBody)),
        InvalidShardBlockReason.TRANSACTIONS_ROOT_MISMATCH);
    assertRejected(
        chain,
        f.sign(
            new ShardBlock(
                h,
                new ShardBlockBody(
                    List.of(Bytes.fromHexString("0xdeadbeef")), List.of(), List.of()))),
        InvalidShardBlockReason.TRANSACTIONS_ROOT_MISMATCH);
    assertThat(importInto(chain, good)).isInstanceOf(ShardImport.Imported.class);
    assertThat(importInto(chain, good)).isInstanceOf(ShardImport.AlreadyKnown.class);
  }

  @Test
  void shouldRejectABlockWithATransactionTheStateRefuses() throws Exception {
    ShardChain chain = f.chain(1);
    ShardState genesis = chain.stateAfter(Bytes32.ZERO).orElseThrow();
    SignedShardBlock good = f.produce(chain, genesis, 1, List.of(), NO_OUTBOXES);
    // A transaction with a nonce from the future: the producer would have skipped it.
    List<Bytes> txs = List.of(f.tx(1, 0, 5, address(5), ether(1), Bytes.EMPTY).tx().encode());
    var body = new ShardBlockBody(txs, List.of(), List.of());
    ShardBlockHeader h = good.message().header();
    ShardBlockHeader header =
        new ShardBlockHeader(
            h.shard(),
            h.slot(),
            h.proposerIndex(),
            h.parentRoot(),
            h.beaconBlockRoot(),
            h.stateRoot(),
            f.schemas.transactionsRoot(txs),
            h.receiptsRoot(),
            f.schemas.incomingReceiptsRoot(body),
            h.gasUsed(),
            h.gasLimit(),
            h.baseFee(),
            h.feeRecipient());
    assertRejected(
        chain, f.sign(new ShardBlock(header, body)), InvalidShardBlockReason.TRANSACTION_INVALID);
  }

  private void crosslink(ShardBlockHeader header) {
    Crosslink crosslink = header.toCrosslink();
    f.anchor =
        f.anchor.updated(
            m -> m.setLatestCrosslinks(m.latestCrosslinks().set(header.shard().id(), crosslink)));
  }

  private ShardImport importInto(ShardChain chain, SignedShardBlock block) {
    return chain.importBlock(
        block, f.beacon(), BlsSignatureVerifier.simple(), SenderRecoverer.SEQUENTIAL);
  }

  private void assertRejected(
      ShardChain chain, SignedShardBlock block, InvalidShardBlockReason reason) {
    ShardImport outcome = importInto(chain, block);
    assertThat(outcome).isInstanceOf(ShardImport.Invalid.class);
    assertThat(((ShardImport.Invalid) outcome).reason()).isEqualTo(reason);
  }

  /** {@code block}'s header with the body roots of {@code body}. */
  private ShardBlockHeader reheader(ShardBlock block, ShardBlockBody body) {
    ShardBlockHeader h = block.header();
    return new ShardBlockHeader(
        h.shard(),
        h.slot(),
        h.proposerIndex(),
        h.parentRoot(),
        h.beaconBlockRoot(),
        h.stateRoot(),
        f.schemas.transactionsRoot(body.transactions()),
        h.receiptsRoot(),
        f.schemas.incomingReceiptsRoot(body),
        h.gasUsed(),
        h.gasLimit(),
        h.baseFee(),
        h.feeRecipient());
  }

  private static ShardBlock withStateRoot(ShardBlock block, Bytes32 stateRoot) {
    ShardBlockHeader h = block.header();
    return new ShardBlock(
        new ShardBlockHeader(
            h.shard(),
            h.slot(),
            h.proposerIndex(),
            h.parentRoot(),
            h.beaconBlockRoot(),
            stateRoot,
            h.transactionsRoot(),
            h.receiptsRoot(),
            h.incomingReceiptsRoot(),
            h.gasUsed(),
            h.gasLimit(),
            h.baseFee(),
            h.feeRecipient()),
        block.body());
  }

  private static ShardBlockHeader copy(
      ShardBlockHeader h, Slot slot, Bytes32 beaconRoot, BigInteger baseFee) {
    return new ShardBlockHeader(
        h.shard(),
        slot,
        h.proposerIndex(),
        h.parentRoot(),
        beaconRoot,
        h.stateRoot(),
        h.transactionsRoot(),
        h.receiptsRoot(),
        h.incomingReceiptsRoot(),
        h.gasUsed(),
        h.gasLimit(),
        baseFee,
        h.feeRecipient());
  }
}
