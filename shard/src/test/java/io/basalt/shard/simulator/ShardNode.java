package io.basalt.shard.simulator;

import io.basalt.beacon.datastructures.shard.Crosslink;
import io.basalt.beacon.datastructures.shard.PendingShardHeader;
import io.basalt.beacon.datastructures.shard.ShardBlockHeader;
import io.basalt.beacon.datastructures.shard.ShardOutbox;
import io.basalt.beacon.datastructures.shard.SignedShardBlockHeader;
import io.basalt.beacon.datastructures.shard.StakingReceiptProof;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.beacon.simulator.SimNode;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.crypto.bls.BlsSignatureVerifier;
import io.basalt.common.types.Address;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.types.Attestation;
import io.basalt.execution.state.WorldState;
import io.basalt.execution.trie.KvNodeStore;
import io.basalt.execution.trie.NodeStore;
import io.basalt.shard.chain.ShardChain;
import io.basalt.shard.chain.ShardImport;
import io.basalt.shard.chain.StoreBeaconView;
import io.basalt.shard.datastructures.SignedShardBlock;
import io.basalt.shard.state.ShardGenesis;
import io.basalt.shard.state.ShardState;
import io.basalt.shard.transition.SenderRecoverer;
import io.basalt.shard.transition.ShardProtocol;
import io.basalt.storage.memory.InMemoryKvStore;
import io.basalt.storage.schema.BasaltSchema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The shard side of one simulated node: one {@link ShardChain} per shard over the node's own
 * in-memory trie node store, a {@link StoreBeaconView} of its beacon chain, and its duties.
 *
 * <ul>
 *   <li>Shard proposal (slot start, after the beacon proposal): for each shard whose proposer at
 *       the slot is one of this node's validators, a block on the shard head, anchored on the
 *       node's beacon head, with the pool's transactions; signed and gossiped.
 *   <li>Import: gossiped blocks wait ("parked") until their beacon block is canonical here and
 *       their parent is imported; a missing parent is asked of the sender.
 *   <li>Votes: the shard head an attester votes; every accepted attestation's shard vote goes to
 *       the shard's fork choice.
 *   <li>Crosslinking: the signed headers a beacon proposer here includes, those of the shard head's
 *       chain not yet pending or crosslinked.
 *   <li>Staking: the staking receipts a beacon proposer here offers, proven against the outboxes of
 *       the shards' crosslinked blocks.
 *   <li>Reorgs: when the beacon head moves, blocks anchored off the canonical chain are dropped
 *       with their descendants (and parked again, in case their beacon block comes back).
 * </ul>
 */
final class ShardNode {

  private record Parked(SignedShardBlock block, int from) {}

  private final SimNode node;
  private final ShardProtocol protocol;
  private final BeaconStateAccessors accessors;
  private final TransactionWorkload workload;
  private final ValidatorKeys keys;
  private final IntUnaryOperator nodeHolding;
  private final NodeStore store = new KvNodeStore(InMemoryKvStore.create(BasaltSchema.SCHEMA));
  private final StoreBeaconView beacon;
  private final List<ShardChain> chains = new ArrayList<>();
  private final Map<Bytes32, Parked> parked = new HashMap<>();
  private final Map<Bytes32, Slot> requested = new HashMap<>();
  private final List<SignedShardBlock> dropped = new ArrayList<>();
  private final BlsSignatureVerifier verifier = BlsSignatureVerifier.simple();
  private Slot slot = Slot.ZERO;
  private long produced;
  private long imported;
  private long productionFailures;

  ShardNode(
      SimNode node,
      ShardProtocol protocol,
      TransactionWorkload workload,
      ValidatorKeys keys,
      IntUnaryOperator nodeHolding) {
    this.node = node;
    this.protocol = protocol;
    this.accessors = protocol.accessors();
    this.workload = workload;
    this.keys = keys;
    this.nodeHolding = nodeHolding;
    this.beacon = new StoreBeaconView(node.store(), node::findStateAt, protocol.accessors());
    Bytes32 beaconGenesis = node.store().genesisRoot();
    for (int shard = 0; shard < protocol.config().shardCount(); shard++) {
      ShardState genesis =
          ShardGenesis.create(
              protocol.schemas(), ShardId.of(shard), workload.allocations(), beaconGenesis, store);
      chains.add(new ShardChain(genesis, store, protocol.transition()));
    }
  }

  // ---- duties ----

  void onSlotStart(Slot slot) {
    this.slot = slot;
    syncHead();
    long horizon = 2L * protocol.config().slotsPerEpoch();
    parked.values().removeIf(p -> p.block().message().header().slot().plus(horizon).isBefore(slot));
    requested.values().removeIf(s -> s.isBefore(slot));
    for (int shard = 0; shard < chains.size(); shard++) {
      propose(ShardId.of(shard), slot);
    }
  }

  private void propose(ShardId shard, Slot slot) {
    Bytes32 anchorRoot = node.head();
    BeaconState anchor = node.findStateAt(anchorRoot, slot).orElseThrow();
    long anchorAge = slot.value().minus(anchor.latestBlockHeader().slot().value()).longValue();
    if (anchorAge > protocol.config().slotsPerEpoch()
        || accessors.getBeaconCommittee(anchor, slot, shard).isEmpty()) {
      return; // the shard rules would refuse the block: no proposal
    }
    ValidatorIndex proposer = accessors.getShardProposerIndex(anchor, slot, shard);
    if (nodeHolding.applyAsInt(proposer.intValue()) != node.id()) {
      return;
    }
    ShardChain chain = chains.get(shard.id());
    Optional<ShardState> parent = chain.stateAfter(head(chain, anchor));
    if (parent.isEmpty() || !parent.get().slot().isBefore(slot)) {
      return;
    }
    try {
      var block =
          protocol
              .producer()
              .produce(
                  parent.get(),
                  slot,
                  proposer,
                  anchorRoot,
                  anchor,
                  feeRecipient(proposer),
                  workload.candidates(shard, WorldState.open(parent.get().accountsRoot(), store)),
                  (source, root) -> chains.get(source.id()).outboxAfter(root),
                  store);
      SignedShardBlock signed =
          new SignedShardBlock(
              block.block(), keys.signShardHeader(anchor, block.block().header()).toBytes());
      chain.addProduced(signed, block.result());
      produced++;
      node.broadcastExtension(new ShardMessages.BlockGossip(signed));
    } catch (io.basalt.shard.transition.ShardBlockException e) {
      productionFailures++;
    }
  }

  /** The shard head an attester of {@code shard} at {@code slot} votes, on the beacon head. */
  Bytes32 shardHeadRoot(ShardId shard, Slot slot) {
    syncHead();
    BeaconState state = node.findStateAt(node.head(), slot).orElseThrow();
    return head(chains.get(shard.id()), state);
  }

  /**
   * The headers a beacon block at {@code slot} on {@code preState} proposes: per shard, the blocks
   * from the crosslinked one to the shard head that the state does not hold as pending, oldest
   * first, stopping at the first the beacon chain would refuse (its descendants would be refused
   * too).
   */
  List<SignedShardBlockHeader> shardHeaders(Slot slot, BeaconState preState) {
    syncHead();
    List<SignedShardBlockHeader> headers = new ArrayList<>();
    List<PendingShardHeader> pending = new ArrayList<>();
    pending.addAll(preState.previousEpochPendingShardHeaders().toList());
    pending.addAll(preState.currentEpochPendingShardHeaders().toList());
    Epoch previous = accessors.getPreviousEpoch(preState);
    for (ShardChain chain : chains) {
      Crosslink latest = preState.latestCrosslinks().get(chain.shard().id());
      int added = 0;
      for (SignedShardBlock block :
          pathFrom(chain, latest.shardBlockRoot(), head(chain, preState))) {
        ShardBlockHeader header = block.message().header();
        List<Crosslink> sameShard =
            pending.stream()
                .map(PendingShardHeader::crosslink)
                .filter(c -> c.shard().equals(chain.shard()))
                .toList();
        if (sameShard.stream().anyMatch(c -> c.shardBlockRoot().equals(block.root()))) {
          continue;
        }
        long sameSlot = sameShard.stream().filter(c -> c.slot().equals(header.slot())).count();
        if (added == BeaconSchemas.MAX_SHARD_HEADERS_PER_SHARD
            || header.slot().isAfter(slot)
            || accessors.misc().computeEpochAtSlot(header.slot()).isBefore(previous)
            || sameSlot >= BeaconSchemas.MAX_SHARD_HEADERS_PER_SHARD
            || !isRecentOnChain(preState, header)) {
          break;
        }
        headers.add(block.signedHeader());
        added++;
      }
    }
    return headers;
  }

  /**
   * The staking receipts a beacon block on {@code preState} can queue: per shard, those after the
   * state's cursor in the outbox of the crosslinked block, each with its branch under that outbox's
   * root (the crosslink's {@code receiptsRoot}), at most {@code MAX_DEPOSITS} in all.
   */
  List<StakingReceiptProof> stakingReceipts(BeaconState preState) {
    List<StakingReceiptProof> proofs = new ArrayList<>();
    int max = protocol.config().maxDeposits();
    for (ShardChain chain : chains) {
      int shard = chain.shard().id();
      Bytes32 crosslinked = preState.latestCrosslinks().get(shard).shardBlockRoot();
      Optional<ShardOutbox> outbox = chain.outboxAfter(crosslinked);
      if (outbox.isEmpty()) {
        continue; // a crosslinked block this node has not imported (yet): nothing to prove
      }
      long count = outbox.get().stakingCount().longValue();
      for (long index = preState.stakingReceiptCursors().get(shard).longValue();
          index < count && proofs.size() < max;
          index++) {
        proofs.add(
            new StakingReceiptProof(
                outbox.get().toBeacon().get(index),
                outbox.get().proveStakingReceipt(protocol.schemas().outbox(), index)));
      }
    }
    return proofs;
  }

  /** Whether the header's beacon block is the state's block root at its own slot. */
  private boolean isRecentOnChain(BeaconState state, ShardBlockHeader header) {
    return node.store()
        .summary(header.beaconBlockRoot())
        .filter(s -> s.slot().isBefore(state.slot()))
        .filter(
            s ->
                state.slot().value().minus(s.slot().value()).longValue()
                    < protocol.config().slotsPerHistoricalRoot())
        .filter(s -> accessors.getBlockRootAtSlot(state, s.slot()).equals(s.root()))
        .isPresent();
  }

  /** The blocks after {@code from} up to {@code to}, oldest first; empty if not one chain. */
  private static List<SignedShardBlock> pathFrom(ShardChain chain, Bytes32 from, Bytes32 to) {
    List<SignedShardBlock> path = new ArrayList<>();
    Bytes32 cursor = to;
    while (!cursor.equals(from)) {
      Optional<SignedShardBlock> block = chain.block(cursor);
      if (block.isEmpty()) {
        return List.of();
      }
      path.add(block.get());
      cursor = block.get().message().header().parentRoot();
    }
    return path.reversed();
  }

  void onAttestation(Attestation attestation, List<ValidatorIndex> attesters) {
    Bytes32 root = attestation.data().shardHeadRoot();
    if (root.isZero()) {
      return;
    }
    ShardChain chain = chains.get(attestation.data().shard().id());
    attesters.forEach(v -> chain.onVote(v, root, attestation.data().slot()));
  }

  void onBeaconBlockImported() {
    syncHead();
    importParked();
  }

  void onMessage(int from, Object payload) {
    switch (payload) {
      case ShardMessages.BlockGossip gossip -> {
        parked.putIfAbsent(gossip.block().root(), new Parked(gossip.block(), from));
        importParked();
      }
      case ShardMessages.BlockRequest request ->
          chains
              .get(request.shard().id())
              .block(request.root())
              .ifPresent(b -> node.sendExtension(from, new ShardMessages.BlockGossip(b)));
      default -> throw new IllegalArgumentException("Not a shard message: " + payload);
    }
  }

  // ---- chain maintenance ----

  /** When the beacon head moved: drop shard blocks anchored off the new canonical chain. */
  private void syncHead() {
    if (!beacon.moveHead(node.head())) {
      return;
    }
    for (ShardChain chain : chains) {
      for (SignedShardBlock block : chain.dropOffCanonical(beacon::isCanonical)) {
        dropped.add(block);
        parked.putIfAbsent(block.root(), new Parked(block, node.id()));
      }
    }
    importParked();
  }

  /** Imports every parked block that can be, parents first, until none can. */
  private void importParked() {
    boolean progress = true;
    while (progress) {
      progress = false;
      List<Parked> waiting =
          parked.values().stream()
              .sorted(Comparator.comparing(p -> p.block().message().header().slot()))
              .toList();
      for (Parked entry : waiting) {
        progress |= tryImport(entry);
      }
    }
  }

  private boolean tryImport(Parked entry) {
    SignedShardBlock block = entry.block();
    ShardBlockHeader header = block.message().header();
    ShardChain chain = chains.get(header.shard().id());
    if (chain.block(block.root()).isPresent()) {
      parked.remove(block.root());
      return false;
    }
    if (!beacon.isCanonical(header.beaconBlockRoot())) {
      return false; // its beacon block is not here yet, or not canonical here
    }
    if (chain.stateAfter(header.parentRoot()).isEmpty()) {
      if (entry.from() != node.id() && requested.putIfAbsent(header.parentRoot(), slot) == null) {
        node.sendExtension(
            entry.from(), new ShardMessages.BlockRequest(header.shard(), header.parentRoot()));
      }
      return false;
    }
    ShardImport result = chain.importBlock(block, beacon, verifier, SenderRecoverer.SEQUENTIAL);
    parked.remove(block.root());
    switch (result) {
      case ShardImport.Imported ok -> imported++;
      // Every proposer here is honest, so a refused block is a bug: fail the run loudly.
      case ShardImport.Invalid bad ->
          throw new IllegalStateException(
              "Node " + node.id() + " refused shard block " + block.root() + ": " + bad);
      default -> {}
    }
    return result instanceof ShardImport.Imported;
  }

  /** The shard head on the beacon chain of {@code state} (its crosslink, effective balances). */
  private Bytes32 head(ShardChain chain, BeaconState state) {
    Crosslink crosslink = state.latestCrosslinks().get(chain.shard().id());
    return chain.head(
        crosslink.shardBlockRoot(),
        beacon::isCanonical,
        v -> state.validators().get(v.intValue()).effectiveBalance().value().longValue());
  }

  static Address feeRecipient(ValidatorIndex proposer) {
    return Address.fromHexString(String.format("0x%040x", 0xfee0000000L + proposer.intValue()));
  }

  // ---- observations ----

  int id() {
    return node.id();
  }

  SimNode beaconNode() {
    return node;
  }

  ShardChain chain(ShardId shard) {
    return chains.get(shard.id());
  }

  NodeStore store() {
    return store;
  }

  /** The shard's head as of the node's beacon head at its current slot. */
  Bytes32 currentHead(ShardId shard) {
    return shardHeadRoot(shard, slot);
  }

  boolean isCanonical(Bytes32 beaconRoot) {
    syncHead();
    return beacon.isCanonical(beaconRoot);
  }

  /** Blocks dropped by beacon reorgs so far. */
  List<SignedShardBlock> dropped() {
    return List.copyOf(dropped);
  }

  long produced() {
    return produced;
  }

  long imported() {
    return imported;
  }

  long productionFailures() {
    return productionFailures;
  }

  Set<Bytes32> parkedRoots() {
    return new HashSet<>(parked.keySet());
  }

  ShardOutbox outboxAfter(ShardId shard, Bytes32 root) {
    return chains.get(shard.id()).outboxAfter(root).orElseThrow();
  }
}
