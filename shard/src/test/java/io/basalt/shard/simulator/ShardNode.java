package io.basalt.shard.simulator;

import io.basalt.beacon.datastructures.shard.Crosslink;
import io.basalt.beacon.datastructures.shard.ShardBlockHeader;
import io.basalt.beacon.datastructures.shard.ShardOutbox;
import io.basalt.beacon.datastructures.shard.SignedShardBlockHeader;
import io.basalt.beacon.datastructures.shard.StakingReceiptProof;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.simulator.SimNode;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.crypto.bls.BlsSignatureVerifier;
import io.basalt.common.types.Address;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.types.Attestation;
import io.basalt.execution.state.WorldState;
import io.basalt.execution.trie.KvNodeStore;
import io.basalt.execution.trie.NodeStore;
import io.basalt.shard.chain.BeaconBlockShardContent;
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
  private final BeaconBlockShardContent content;
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
    this.content = new BeaconBlockShardContent(protocol, node.store());
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
                  store,
                  beacon);
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

  /** The headers a beacon block at {@code slot} on {@code preState} proposes. */
  List<SignedShardBlockHeader> shardHeaders(Slot slot, BeaconState preState) {
    syncHead();
    return content.shardHeaders(chains, slot, preState, this::head);
  }

  /** The staking receipts a beacon block on {@code preState} can queue. */
  List<StakingReceiptProof> stakingReceipts(BeaconState preState) {
    return content.stakingReceipts(chains, preState);
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
