package io.basalt.node.shard;

import io.basalt.beacon.datastructures.blocks.BeaconBlockHeader;
import io.basalt.beacon.datastructures.shard.Crosslink;
import io.basalt.beacon.datastructures.shard.ShardBlockHeader;
import io.basalt.beacon.datastructures.shard.SignedShardBlockHeader;
import io.basalt.beacon.datastructures.shard.StakingReceiptProof;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.crypto.bls.BlsSignatureVerifier;
import io.basalt.common.types.Address;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.types.Attestation;
import io.basalt.execution.processor.RecoveredTransaction;
import io.basalt.execution.transaction.SenderResult;
import io.basalt.execution.transaction.Transaction;
import io.basalt.node.beacon.BeaconService;
import io.basalt.shard.chain.BeaconBlockShardContent;
import io.basalt.shard.chain.ShardChain;
import io.basalt.shard.chain.ShardImport;
import io.basalt.shard.chain.StoreBeaconView;
import io.basalt.shard.datastructures.ShardBlock;
import io.basalt.shard.datastructures.SignedShardBlock;
import io.basalt.shard.mempool.AddResult;
import io.basalt.shard.mempool.ShardMempool;
import io.basalt.shard.state.ShardState;
import io.basalt.shard.transition.InvalidShardBlockReason;
import io.basalt.shard.transition.ProducedShardBlock;
import io.basalt.shard.transition.ShardBlockException;
import io.basalt.shard.transition.ShardBlockResult;
import io.basalt.shard.transition.ShardProtocol;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.apache.tuweni.bytes.Bytes32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's shard chains: one {@link ShardChain} and one mempool per shard, anchored on the beacon
 * chain of {@link BeaconService}; the shard side of the node's duties and gossip, as the shard
 * simulator's node does it, on the chain thread.
 *
 * <ul>
 *   <li>Import: blocks (gossip, sync, our own) wait ("parked") until their beacon block is
 *       canonical here and their parent is imported; a missing parent is asked of the sender.
 *   <li>Votes: every accepted attestation's shard vote goes to the shard's fork choice.
 *   <li>Production: a shard block for a proposer of ours on the shard head, with the pool's
 *       transactions; the validator client signs it, then it is kept and gossiped.
 *   <li>Crosslinking and staking: the headers and staking receipt proofs a beacon proposer here
 *       includes.
 *   <li>Reorgs: when the beacon head moves, blocks anchored off the canonical chain are dropped
 *       with their descendants (and parked again, in case their beacon block comes back), and their
 *       transactions go back to the pool.
 * </ul>
 */
public final class ShardService<P> {

  private static final Logger LOG = LoggerFactory.getLogger(ShardService.class);

  /** Asks {@code peer} for shard block {@code root} of {@code shard}. */
  @FunctionalInterface
  public interface ShardBlockRequester<P> {
    void request(P peer, ShardId shard, Bytes32 root);
  }

  /** Outcome of handing the service a shard block. */
  public enum Outcome {
    IMPORTED,
    KNOWN,
    WAITING,
    INVALID
  }

  private record Parked<P>(SignedShardBlock block, P from) {}

  /**
   * What a shard head was computed from: the beacon state (its latest block header and slot fix its
   * crosslink and balances), the canonical beacon chain and the shard fork choice's version.
   */
  private record HeadInputs(
      BeaconBlockHeader beaconHeader, Slot beaconSlot, Bytes32 canonicalHead, long version) {}

  private record HeadMemo(HeadInputs inputs, Bytes32 head) {}

  private final BeaconService<P> beacon;
  private final ShardProtocol protocol;
  private final BeaconStateAccessors accessors;
  private final P self;
  private final ShardBlockRequester<P> requester;
  private final BiConsumer<ShardId, ShardBlockResult> onImported;
  private final StoreBeaconView view;
  private final BeaconBlockShardContent content;
  private final List<ShardChain> chains;
  private final List<ShardPool> pools = new ArrayList<>();
  private final Map<Bytes32, Parked<P>> parked = new HashMap<>();
  private final Map<Bytes32, Slot> requested = new HashMap<>();
  private final Map<Bytes32, ProducedShardBlock> produced = new HashMap<>();
  private final Map<ShardId, HeadMemo> heads = new HashMap<>();
  private final Map<ShardId, Bytes32> servedHeads = new HashMap<>();
  private final BlsSignatureVerifier verifier;
  private Slot slot = Slot.ZERO;
  private String lastInvalid;
  private Bytes32 lastInvalidRoot;

  public ShardService(
      BeaconService<P> beacon,
      ShardProtocol protocol,
      List<ShardChain> chains,
      P self,
      ShardBlockRequester<P> requester,
      BiConsumer<ShardId, ShardBlockResult> onImported) {
    this.beacon = beacon;
    this.protocol = protocol;
    this.accessors = protocol.accessors();
    this.chains = List.copyOf(chains);
    this.self = self;
    this.requester = requester;
    this.onImported = onImported;
    this.verifier = beacon.verifier();
    this.view = new StoreBeaconView(beacon.store(), beacon::stateAt, accessors);
    this.content = new BeaconBlockShardContent(protocol, beacon.store());
    for (ShardChain chain : this.chains) {
      ShardState head =
          headState(chain).orElseGet(() -> chain.stateAfter(chain.finalizedRoot()).orElseThrow());
      pools.add(new ShardPool(protocol, chain, head));
    }
  }

  // ---- duties ----

  /** The beacon chain as the shard rules see it (chain thread only). */
  public StoreBeaconView beaconView() {
    return view;
  }

  public void onSlotStart(Slot slot) {
    this.slot = slot;
    syncHead();
    long horizon = 2L * protocol.config().slotsPerEpoch();
    parked.values().removeIf(p -> p.block().message().header().slot().plus(horizon).isBefore(slot));
    requested.values().removeIf(s -> s.isBefore(slot));
    produced.values().removeIf(p -> p.block().header().slot().isBefore(slot));
    pruneFinalized();
  }

  /**
   * Prunes each shard to the block crosslinked in the finalized beacon state: blocks off its chain
   * go. A shard whose finalized block is not imported yet is tried again next slot.
   */
  private void pruneFinalized() {
    Bytes32 finalized = beacon.finalizedCheckpoint().root();
    Optional<BeaconState> state =
        beacon.store().summary(finalized).flatMap(s -> beacon.stateAt(finalized, s.slot()));
    if (state.isEmpty()) {
      return;
    }
    boolean finalizedAny = false;
    for (ShardChain chain : chains) {
      Bytes32 crosslinked = state.get().latestCrosslinks().get(chain.shard().id()).shardBlockRoot();
      if (!crosslinked.isZero() && !crosslinked.equals(chain.finalizedRoot())) {
        finalizedAny |= chain.onFinalized(crosslinked);
      }
    }
    if (finalizedAny) {
      DeliveredReceipts.prune(chains);
    }
  }

  /**
   * An unsigned block of {@code shard} at {@code slot} by {@code proposer}, on the shard head of
   * the beacon head, with the pool's transactions; empty if the rules would refuse one now.
   */
  public Optional<ShardBlock> produce(ShardId shard, Slot slot, ValidatorIndex proposer) {
    syncHead();
    Bytes32 anchorRoot = beacon.head();
    Optional<BeaconState> anchorState = beacon.stateAt(anchorRoot, slot);
    if (anchorState.isEmpty()) {
      return Optional.empty();
    }
    BeaconState anchor = anchorState.get();
    long anchorAge = slot.value().minus(anchor.latestBlockHeader().slot().value()).longValue();
    if (anchorAge > protocol.config().slotsPerEpoch()
        || accessors.getBeaconCommittee(anchor, slot, shard).isEmpty()
        || !accessors.getShardProposerIndex(anchor, slot, shard).equals(proposer)) {
      return Optional.empty();
    }
    ShardChain chain = chains.get(shard.id());
    Bytes32 headRoot = head(chain, anchor);
    Optional<ShardState> parent = chain.stateAfter(headRoot);
    if (parent.isEmpty()) {
      LOG.info(
          "No shard {} block at slot {}: the shard head {} is not imported here yet ({} parked)",
          shard,
          slot,
          headRoot,
          parked.size());
      return Optional.empty();
    }
    if (!parent.get().slot().isBefore(slot)) {
      return Optional.empty();
    }
    ShardMempool pool = mempool(shard);
    List<RecoveredTransaction> candidates =
        pool.selectForBlock(parent.get().nextBaseFee(), protocol.config().shardGasLimit()).stream()
            .map(p -> new RecoveredTransaction(p.tx(), p.sender()))
            .toList();
    try {
      ProducedShardBlock block =
          protocol
              .producer()
              .produce(
                  parent.get(),
                  slot,
                  proposer,
                  anchorRoot,
                  anchor,
                  feeRecipient(proposer),
                  candidates,
                  (source, root) -> chains.get(source.id()).outboxAfter(root),
                  chain.nodeStore(),
                  view);
      produced.put(block.block().root(), block);
      return Optional.of(block.block());
    } catch (ShardBlockException e) {
      LOG.info("No shard {} block at slot {}: {}", shard, slot, e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Keeps a block our validator signed from {@link #produce}; false if it was not produced here.
   */
  public boolean addOwn(SignedShardBlock block) {
    ProducedShardBlock source = produced.remove(block.message().root());
    if (source == null) {
      return false;
    }
    ShardChain chain = chains.get(block.message().header().shard().id());
    chain.addProduced(block, source.result());
    afterImport(chain, source.result());
    return true;
  }

  /** The shard head an attester of {@code shard} at {@code slot} votes, on the beacon head. */
  public Bytes32 shardHeadRoot(ShardId shard, Slot slot) {
    syncHead();
    return beacon
        .stateAt(beacon.head(), slot)
        .map(state -> head(chains.get(shard.id()), state))
        .orElse(Bytes32.ZERO);
  }

  /** The headers a beacon block at {@code slot} on {@code preState} proposes. */
  public List<SignedShardBlockHeader> shardHeaders(Slot slot, BeaconState preState) {
    syncHead();
    return content.shardHeaders(chains, slot, preState, this::head);
  }

  /** The staking receipts a beacon block on {@code preState} can queue, with their proofs. */
  public List<StakingReceiptProof> stakingReceipts(BeaconState preState) {
    return content.stakingReceipts(chains, preState);
  }

  public void onAttestation(Attestation attestation, List<ValidatorIndex> attesters) {
    Bytes32 root = attestation.data().shardHeadRoot();
    if (root.isZero()) {
      return;
    }
    ShardChain chain = chains.get(attestation.data().shard().id());
    attesters.forEach(v -> chain.onVote(v, root, attestation.data().slot()));
  }

  public void onBeaconBlockImported() {
    syncHead();
    importParked();
  }

  /** A block from a peer or from sync: imported now, or parked until it can be. */
  public Outcome onBlock(P from, SignedShardBlock block) {
    int shard = block.message().header().shard().id();
    if (shard >= chains.size()) {
      return Outcome.INVALID;
    }
    if (chains.get(shard).block(block.root()).isPresent()) {
      return Outcome.KNOWN;
    }
    parked.putIfAbsent(block.root(), new Parked<>(block, from));
    lastInvalid = null;
    lastInvalidRoot = null;
    importParked();
    Outcome outcome = outcomeOf(chains.get(shard), block.root());
    LOG.debug(
        "Shard {} block {} at slot {} (parent {}, beacon block {}) from {}: {}",
        shard,
        block.root(),
        block.message().header().slot(),
        block.message().header().parentRoot(),
        block.message().header().beaconBlockRoot(),
        from,
        outcome);
    return outcome;
  }

  /** What became of a block just handed to {@link #onBlock}. */
  private Outcome outcomeOf(ShardChain chain, Bytes32 root) {
    if (root.equals(lastInvalidRoot)) {
      return Outcome.INVALID;
    }
    return chain.block(root).isPresent() ? Outcome.IMPORTED : Outcome.WAITING;
  }

  /** Why the last refused block was refused (for logs and peer scoring). */
  public Optional<String> lastInvalidReason() {
    return Optional.ofNullable(lastInvalid);
  }

  /** A transaction from RPC or gossip into the shard's pool. */
  public AddResult addTransaction(ShardId shard, Transaction transaction) {
    return mempool(shard).add(transaction);
  }

  /**
   * {@link #addTransaction} with the sender recovered beforehand, off the chain thread (see {@link
   * ShardMempool#add(Transaction, SenderResult)}).
   */
  public AddResult addTransaction(ShardId shard, Transaction transaction, SenderResult sender) {
    return mempool(shard).add(transaction, sender);
  }

  // ---- chain maintenance ----

  private void syncHead() {
    if (!view.moveHead(beacon.head())) {
      return;
    }
    for (ShardChain chain : chains) {
      List<SignedShardBlock> dropped = chain.dropOffCanonical(view::isCanonical);
      for (SignedShardBlock block : dropped) {
        parked.putIfAbsent(block.root(), new Parked<>(block, self));
      }
      refreshPool(chain);
      pools.get(chain.shard().id()).putBack(dropped, "A beacon reorg dropped");
    }
    importParked();
  }

  private void importParked() {
    boolean progress = true;
    while (progress) {
      progress = false;
      List<Parked<P>> waiting =
          parked.values().stream()
              .sorted(Comparator.comparing(p -> p.block().message().header().slot()))
              .toList();
      for (Parked<P> entry : waiting) {
        progress |= tryImport(entry);
      }
    }
  }

  private boolean tryImport(Parked<P> entry) {
    SignedShardBlock block = entry.block();
    ShardBlockHeader header = block.message().header();
    ShardChain chain = chains.get(header.shard().id());
    if (chain.block(block.root()).isPresent()) {
      parked.remove(block.root());
      return false;
    }
    if (!view.isCanonical(header.beaconBlockRoot())) {
      return false;
    }
    if (chain.stateAfter(header.parentRoot()).isEmpty()) {
      if (!entry.from().equals(self) && requested.putIfAbsent(header.parentRoot(), slot) == null) {
        LOG.debug(
            "Shard {} block {} at slot {} waits for parent {}: asked of {}",
            header.shard(),
            block.root(),
            header.slot(),
            header.parentRoot(),
            entry.from());
        requester.request(entry.from(), header.shard(), header.parentRoot());
      }
      return false;
    }
    ShardImport result =
        chain.importBlock(block, view, verifier, pools.get(chain.shard().id()).senders());
    parked.remove(block.root());
    switch (result) {
      case ShardImport.Imported ok -> afterImport(chain, ok.result());
      // Its beacon block's state is unavailable here: not the sender's fault.
      case ShardImport.Invalid bad
          when bad.reason() == InvalidShardBlockReason.BEACON_BLOCK_UNKNOWN -> {}
      case ShardImport.Invalid bad -> {
        lastInvalid = bad.toString();
        lastInvalidRoot = block.root();
      }
      default -> {}
    }
    return result instanceof ShardImport.Imported;
  }

  private void afterImport(ShardChain chain, ShardBlockResult result) {
    refreshPool(chain);
    onImported.accept(chain.shard(), result);
  }

  /** Moves the shard's pool to the shard head, once that head's block is imported. */
  private void refreshPool(ShardChain chain) {
    Bytes32 headRoot = head(chain, beacon.headState());
    Optional<ShardState> head = chain.stateAfter(headRoot);
    if (head.isEmpty()) {
      return; // the crosslinked block is not imported yet (syncing): the pool keeps its view
    }
    pools.get(chain.shard().id()).moveTo(headRoot, head.get());
  }

  /** The state of the shard head; empty while the beacon head's crosslinked block is unknown. */
  private Optional<ShardState> headState(ShardChain chain) {
    return chain.stateAfter(head(chain, beacon.headState()));
  }

  /** The shard head on the beacon chain of {@code state} (its crosslink, effective balances). */
  private Bytes32 head(ShardChain chain, BeaconState state) {
    HeadInputs inputs =
        new HeadInputs(
            state.latestBlockHeader(),
            state.slot(),
            view.canonicalHead(),
            chain.forkChoiceVersion());
    HeadMemo memo = heads.get(chain.shard());
    if (memo != null && memo.inputs().equals(inputs)) {
      return memo.head();
    }
    Crosslink crosslink = state.latestCrosslinks().get(chain.shard().id());
    Bytes32 head =
        chain.head(
            crosslink.shardBlockRoot(),
            view::isCanonical,
            v -> state.validators().get(v.intValue()).effectiveBalance().value().longValue());
    heads.put(chain.shard(), new HeadMemo(inputs, head));
    return head;
  }

  /** Fee recipient of a proposer's shard blocks: an address derived from its index. */
  static Address feeRecipient(ValidatorIndex proposer) {
    return Address.fromHexString(String.format("0x%040x", 0xfee0000000L + proposer.intValue()));
  }

  // ---- queries ----

  public int shardCount() {
    return chains.size();
  }

  public ShardChain chain(ShardId shard) {
    return chains.get(shard.id());
  }

  public ShardMempool mempool(ShardId shard) {
    return pools.get(shard.id()).mempool();
  }

  /**
   * The shard's head block root on the beacon head. While the block the beacon head crosslinks is
   * not imported yet (it arrives after the beacon block that names it), the last head that was:
   * what JSON-RPC can serve.
   */
  public Bytes32 headRoot(ShardId shard) {
    syncHead();
    ShardChain chain = chains.get(shard.id());
    Bytes32 head = head(chain, beacon.headState());
    if (chain.knows(head)) {
      servedHeads.put(shard, head);
      return head;
    }
    Bytes32 served = servedHeads.get(shard);
    return served != null && chain.knows(served) ? served : head;
  }

  /** The slot of the shard's head on the beacon head (of its newest block while syncing). */
  public Slot headSlot(ShardId shard) {
    ShardChain chain = chains.get(shard.id());
    return headState(chain).map(ShardState::slot).orElseGet(chain::headSlot);
  }

  public int parkedCount() {
    return parked.size();
  }
}
