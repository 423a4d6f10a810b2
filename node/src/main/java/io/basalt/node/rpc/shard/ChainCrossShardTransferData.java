package io.basalt.node.rpc.shard;

import io.basalt.beacon.chain.store.BlockSummary;
import io.basalt.beacon.datastructures.shard.CrossShardReceipt;
import io.basalt.beacon.datastructures.shard.Crosslink;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.ssz.view.ListView;
import io.basalt.common.types.Address;
import io.basalt.common.types.ShardId;
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

  private record Sent(
      Bytes32 txHash, TransactionLocation location, SignedShardBlock block, Log log) {}

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
        receipt(outbox.get(), block, txHash)
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
      Bytes32 topic = CrossShard.TRANSFER_INITIATED.topic0();
      Optional<Log> log =
          receipt.logs().stream()
              .filter(l -> l.address().equals(SystemContracts.CROSS_SHARD))
              .filter(l -> l.topics().size() == 4 && l.topics().get(0).equals(topic))
              .findFirst();
      if (log.isEmpty()) {
        throw new NotATransferException(
            "transaction " + txHash + " is not a cross-shard transfer (no CrossShard.transfer)");
      }
      return Optional.of(new Sent(txHash, location.get(), block.get(), log.get()));
    }
    return Optional.empty();
  }

  /** The source block's receipt of {@code txHash}: among the last ones its outbox holds. */
  private static Optional<CrossShardReceipt> receipt(
      ListView<CrossShardReceipt> sent, SignedShardBlock block, Bytes32 txHash) {
    // A block appends at most one receipt per transaction, after every earlier block's.
    long stop = Math.max(0, sent.size() - block.message().body().transactions().size());
    for (long i = sent.size() - 1; i >= stop; i--) {
      if (sent.get(i).sourceTxHash().equals(txHash)) {
        return Optional.of(sent.get(i));
      }
    }
    return Optional.empty();
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
