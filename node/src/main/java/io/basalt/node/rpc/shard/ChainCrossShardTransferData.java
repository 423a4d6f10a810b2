package io.basalt.node.rpc.shard;

import io.basalt.beacon.chain.store.BlockSummary;
import io.basalt.beacon.datastructures.shard.CrossShardReceipt;
import io.basalt.beacon.datastructures.shard.Crosslink;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.ssz.view.ListView;
import io.basalt.common.types.Address;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.UInt64;
import io.basalt.execution.contracts.CrossShard;
import io.basalt.execution.contracts.SystemContracts;
import io.basalt.execution.receipt.Log;
import io.basalt.execution.receipt.Receipt;
import io.basalt.node.beacon.BeaconService;
import io.basalt.node.chain.NodeChain;
import io.basalt.shard.chain.ShardChain;
import io.basalt.shard.datastructures.IncomingReceipt;
import io.basalt.shard.datastructures.SignedShardBlock;
import io.basalt.shard.state.ShardState;
import io.basalt.shard.store.TransactionLocation;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/**
 * {@link CrossShardTransferData} over the node's shard chains: the source transaction's receipt log
 * names destination, recipient and value; the source block's outbox gives the receipt's index; the
 * head beacon state's crosslink of the source shard says whether it is crosslinked; the destination
 * head's inbox cursor says whether it was delivered.
 */
public final class ChainCrossShardTransferData implements CrossShardTransferData {

  /** How many blocks are walked back to find the crosslinking or delivering block. */
  static final int MAX_WALK = 64;

  private final NodeChain<?> chain;

  public ChainCrossShardTransferData(NodeChain<?> chain) {
    this.chain = chain;
  }

  /**
   * A cross-shard transfer's source transaction: its block, its {@code TransferInitiated} log, and
   * how many transfers to the same destination later transactions of the block sent.
   */
  private record Sent(
      Bytes32 txHash, TransactionLocation location, SignedShardBlock block, Log log, int later) {}

  @Override
  public Optional<Transfer> find(Bytes32 txHash) throws NotATransferException {
    // The stored block and receipts are read here: decoding them is the expensive part, and the
    // store is thread-safe. Only what needs fork choice and the head runs on the chain thread.
    Optional<Sent> sent = sent(txHash);
    return sent.isEmpty() ? Optional.empty() : chain.executor().call(() -> locate(sent.get()));
  }

  // ---- on the chain thread ----

  private Optional<Transfer> locate(Sent sent) {
    Bytes32 txHash = sent.txHash();
    TransactionLocation location = sent.location();
    SignedShardBlock block = sent.block();
    Log log = sent.log();
    ShardId source = location.shard();
    ShardId destination =
        ShardId.of(new BigInteger(1, log.topics().get(1).toArrayUnsafe()).intValueExact());
    Address sender = new Address(log.topics().get(2).slice(12, Address.SIZE));
    Address recipient = new Address(log.topics().get(3).slice(12, Address.SIZE));
    BigInteger value = new BigInteger(1, log.data().toArrayUnsafe());
    ShardChain sourceChain = chain.shards().chain(source);
    Optional<ListView<CrossShardReceipt>> outbox =
        sourceChain.outboxAfter(block.root()).map(o -> o.toShards().get(destination.id()));
    if (outbox.isEmpty()) {
      return Optional.empty(); // its block left the chain since it was read
    }
    CrossShardReceipt receipt =
        receipt(outbox.get(), sent, source, destination, sender, recipient, value)
            .orElseThrow(() -> new IllegalStateException("No outbox receipt for " + txHash));
    long index = receipt.index().longValue();
    CrossShardTransferData.ShardBlockRef sourceRef =
        new ShardBlockRef(source, block.root(), block.message().header().slot());

    BeaconService<?> beacon = chain.beacon();
    Optional<BeaconBlockRef> crosslink = crosslinkingBlock(beacon, sourceRef);
    boolean crosslinked = covers(beacon.headState(), sourceRef);
    Optional<ShardBlockRef> delivery = Optional.empty();
    Status status = crosslinked ? Status.CROSSLINKED : Status.PENDING_CROSSLINK;
    ShardChain destinationChain = chain.shards().chain(destination);
    Bytes32 destinationHead = chain.shards().headRoot(destination);
    Optional<ShardState> destinationState = destinationChain.stateAfter(destinationHead);
    if (destinationState.isPresent()
        && destinationState.get().inboxCursor(source).longValue() > index) {
      status = Status.DELIVERED;
      delivery = deliveringBlock(destinationChain, destinationHead, source, index);
    }
    return Optional.of(
        new Transfer(
            txHash,
            status,
            sourceRef,
            location.index(),
            destination,
            sender,
            recipient,
            value,
            index,
            crosslink,
            delivery));
  }

  // ---- on the caller's thread: store reads ----

  private Optional<Sent> sent(Bytes32 txHash) throws NotATransferException {
    for (int shard = 0; shard < chain.shards().shardCount(); shard++) {
      ShardChain shardChain = chain.shards().chain(ShardId.of(shard));
      Optional<TransactionLocation> location = shardChain.transactionLocation(txHash);
      if (location.isEmpty()) {
        continue;
      }
      Optional<SignedShardBlock> block = shardChain.block(location.get().blockRoot());
      Optional<List<Receipt>> receipts = shardChain.receipts(location.get().blockRoot());
      if (block.isEmpty() || receipts.isEmpty()) {
        continue; // dropped with its fork since the lookup
      }
      Receipt receipt = receipts.get().get(location.get().index());
      if (!receipt.success()) {
        throw new NotATransferException(
            "transaction " + txHash + " failed: it sent no cross-shard transfer");
      }
      Optional<Log> log = transferLog(receipt);
      if (log.isEmpty()) {
        throw new NotATransferException(
            "transaction " + txHash + " is not a cross-shard transfer (no CrossShard.transfer)");
      }
      Bytes32 destination = log.get().topics().get(1);
      List<Receipt> later =
          receipts.get().subList(location.get().index() + 1, receipts.get().size());
      int laterToSameDestination =
          (int)
              later.stream()
                  .filter(Receipt::success)
                  .flatMap(r -> transferLog(r).stream())
                  .filter(l -> l.topics().get(1).equals(destination))
                  .count();
      return Optional.of(
          new Sent(txHash, location.get(), block.get(), log.get(), laterToSameDestination));
    }
    return Optional.empty();
  }

  /** The {@code CrossShard.TransferInitiated} log of a transaction's receipt, if it has one. */
  private static Optional<Log> transferLog(Receipt receipt) {
    Bytes32 topic = CrossShard.TRANSFER_INITIATED.topic0();
    return receipt.logs().stream()
        .filter(l -> l.address().equals(SystemContracts.CROSS_SHARD))
        .filter(l -> l.topics().size() == 4 && l.topics().get(0).equals(topic))
        .findFirst();
  }

  /**
   * The source block's receipt of the transfer. A block appends its receipts to a destination in
   * transaction order, after every earlier block's, so {@code sent.later()} of them follow it in
   * the outbox after the block. Once delivered and finalized it is pruned from the outbox, and is
   * rebuilt from the log, which names everything else.
   */
  private static Optional<CrossShardReceipt> receipt(
      ListView<CrossShardReceipt> outbox,
      Sent sent,
      ShardId source,
      ShardId destination,
      Address sender,
      Address recipient,
      BigInteger value) {
    long index = outbox.size() - 1 - sent.later();
    if (index < 0) {
      return Optional.empty();
    }
    if (index < outbox.prunedCount()) {
      return Optional.of(
          new CrossShardReceipt(
              source, destination, UInt64.valueOf(index), sender, recipient, value, sent.txHash()));
    }
    CrossShardReceipt stored = outbox.get(index);
    return stored.sourceTxHash().equals(sent.txHash()) ? Optional.of(stored) : Optional.empty();
  }

  /** Whether {@code state} crosslinks the source block or a later block of its shard. */
  private static boolean covers(BeaconState state, ShardBlockRef source) {
    Crosslink crosslink = state.latestCrosslinks().get(source.shard().id());
    return !crosslink.shardBlockRoot().isZero() && !crosslink.slot().isBefore(source.slot());
  }

  /** The earliest block back from the head whose state covers the source, if within reach. */
  private static Optional<BeaconBlockRef> crosslinkingBlock(
      BeaconService<?> beacon, ShardBlockRef source) {
    Optional<BlockSummary> summary = beacon.store().summary(beacon.head());
    Optional<BeaconBlockRef> earliest = Optional.empty();
    for (int step = 0; step < MAX_WALK && summary.isPresent(); step++) {
      BlockSummary block = summary.get();
      Optional<BeaconState> state = beacon.stateAt(block.root(), block.slot());
      if (state.isEmpty() || !covers(state.get(), source)) {
        return state.isEmpty() ? Optional.empty() : earliest;
      }
      earliest = Optional.of(new BeaconBlockRef(block.root(), block.slot()));
      summary = beacon.store().summary(block.parentRoot());
    }
    return Optional.empty(); // too far back (or past the finalized anchor) to name the first
  }

  /** The destination block whose body applied receipt {@code index} from {@code source}. */
  private static Optional<ShardBlockRef> deliveringBlock(
      ShardChain chain, Bytes32 head, ShardId source, long index) {
    Optional<SignedShardBlock> block = chain.block(head);
    for (int step = 0; step < MAX_WALK && block.isPresent(); step++) {
      for (IncomingReceipt incoming : block.get().message().body().incomingReceipts()) {
        CrossShardReceipt receipt = incoming.receipt();
        if (receipt.source().equals(source) && receipt.index().longValue() == index) {
          return Optional.of(
              new ShardBlockRef(
                  chain.shard(), block.get().root(), block.get().message().header().slot()));
        }
      }
      block = chain.block(block.get().message().header().parentRoot());
    }
    return Optional.empty();
  }
}
