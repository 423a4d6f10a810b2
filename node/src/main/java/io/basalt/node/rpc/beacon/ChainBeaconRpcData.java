package io.basalt.node.rpc.beacon;

import io.basalt.beacon.chain.pool.OperationValidators;
import io.basalt.beacon.chain.store.BlockSummary;
import io.basalt.beacon.chain.store.ChainStore;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.datastructures.operations.SignedVoluntaryExit;
import io.basalt.beacon.helpers.InvalidReason;
import io.basalt.beacon.helpers.Predicates;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.node.beacon.BeaconService;
import io.basalt.node.chain.NodeChain;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.tuweni.bytes.Bytes32;

/** {@link BeaconRpcData} over the node's chains; every read hops onto the chain thread. */
public final class ChainBeaconRpcData implements BeaconRpcData {

  /** How far back a slot is searched among finalized blocks (skipped slots). */
  private static final int MAX_SLOT_SCAN = 1024;

  private final NodeChain<?> chain;
  private final Consumer<SignedVoluntaryExit> publisher;
  private final OperationValidators operationChecks;

  /**
   * @param publisher gossips an accepted voluntary exit (the p2p network's {@code
   *     publishVoluntaryExit})
   */
  public ChainBeaconRpcData(NodeChain<?> chain, Consumer<SignedVoluntaryExit> publisher) {
    this.chain = chain;
    this.publisher = publisher;
    SpecConfig config = chain.config();
    this.operationChecks =
        new OperationValidators(config, chain.beacon().accessors(), new Predicates(config));
  }

  @Override
  public SpecConfig config() {
    return chain.config();
  }

  @Override
  public Head head() {
    return chain
        .executor()
        .call(
            () -> {
              BeaconService<?> beacon = chain.beacon();
              Bytes32 root = beacon.head();
              SignedBeaconBlock block = beacon.store().block(root).orElseThrow();
              return new Head(
                  root,
                  block.message().slot(),
                  block.message().stateRoot(),
                  block.message().parentRoot(),
                  beacon.justifiedCheckpoint(),
                  beacon.finalizedCheckpoint());
            });
  }

  @Override
  public Slot currentSlot() {
    return chain.executor().call(() -> chain.beacon().currentSlot());
  }

  @Override
  public Optional<BeaconState> state(StateId id) {
    return chain
        .executor()
        .call(
            () -> {
              BeaconService<?> beacon = chain.beacon();
              return switch (id) {
                case StateId.AtSlot at -> stateAt(beacon, at.slot(), beacon.currentSlot());
                default -> blockRoot(beacon, id).flatMap(root -> postState(beacon, root));
              };
            });
  }

  @Override
  public Optional<BlockAt> block(StateId id) {
    return chain
        .executor()
        .call(
            () -> {
              BeaconService<?> beacon = chain.beacon();
              Optional<Bytes32> root = blockRoot(beacon, id);
              Optional<SignedBeaconBlock> block = root.flatMap(beacon.store()::block);
              if (block.isEmpty()) {
                return Optional.<BlockAt>empty();
              }
              if (id instanceof StateId.AtSlot at
                  && !block.get().message().slot().equals(at.slot())) {
                return Optional.<BlockAt>empty(); // a skipped slot
              }
              return Optional.of(new BlockAt(root.get(), block.get()));
            });
  }

  @Override
  public Optional<BeaconState> stateAtSlot(Slot slot) {
    return chain
        .executor()
        .call(
            () -> {
              BeaconService<?> beacon = chain.beacon();
              // Duties and committees are fixed up to one epoch ahead of the wall clock.
              long epochs =
                  beacon
                          .accessors()
                          .misc()
                          .computeEpochAtSlot(beacon.currentSlot())
                          .value()
                          .longValue()
                      + 2;
              Slot limit = Slot.of(epochs * chain.config().slotsPerEpoch() - 1);
              return stateAt(beacon, slot, limit);
            });
  }

  @Override
  public Optional<BlockRef> shardBlockAnchor(ShardId shard, Bytes32 shardBlockRoot) {
    return chain
        .executor()
        .call(
            () -> {
              if (shard.id() >= chain.shards().shardCount()) {
                return Optional.<BlockRef>empty();
              }
              return chain
                  .shards()
                  .chain(shard)
                  .block(shardBlockRoot)
                  .map(b -> b.message().header().beaconBlockRoot())
                  .flatMap(
                      root ->
                          chain
                              .beacon()
                              .store()
                              .block(root)
                              .map(b -> new BlockRef(root, b.message().slot())));
            });
  }

  @Override
  public Optional<Bytes32> blockStateRoot(Bytes32 root) {
    // The store is thread-safe; no need to wait for the chain thread.
    return chain.beacon().store().block(root).map(b -> b.message().stateRoot());
  }

  @Override
  public Optional<String> submitVoluntaryExit(SignedVoluntaryExit exit) {
    Optional<String> refusal =
        chain
            .executor()
            .call(
                () -> {
                  BeaconService<?> beacon = chain.beacon();
                  BeaconState head = beacon.headState();
                  Optional<InvalidReason> invalid = operationChecks.checkVoluntaryExit(head, exit);
                  if (invalid.isPresent()) {
                    return invalid.map(InvalidReason::description);
                  }
                  boolean valid;
                  try {
                    valid =
                        beacon
                            .verifier()
                            .verify(List.of(beacon.signatureSets().voluntaryExit(head, exit)));
                  } catch (RuntimeException e) {
                    valid = false; // not a G2 point: no valid signature either
                  }
                  if (!valid) {
                    return Optional.of("invalid signature");
                  }
                  beacon.operationPools().voluntaryExits().add(exit);
                  return Optional.<String>empty();
                });
    if (refusal.isEmpty()) {
      publisher.accept(exit);
    }
    return refusal;
  }

  // ---- on the chain thread ----

  private Optional<Bytes32> blockRoot(BeaconService<?> beacon, StateId id) {
    ChainStore store = beacon.store();
    return switch (id) {
      case StateId.Named named ->
          switch (named.name()) {
            case "head" -> Optional.of(beacon.head());
            case "finalized" -> Optional.of(beacon.finalizedCheckpoint().root());
            case "justified" -> Optional.of(beacon.justifiedCheckpoint().root());
            default -> Optional.of(store.genesisRoot());
          };
      case StateId.AtRoot at -> store.block(at.root()).map(b -> at.root());
      case StateId.AtSlot at -> canonicalRootAtOrBefore(beacon, at.slot());
    };
  }

  private static Optional<BeaconState> postState(BeaconService<?> beacon, Bytes32 root) {
    return beacon.store().block(root).flatMap(b -> beacon.stateAt(root, b.message().slot()));
  }

  /** The canonical state at {@code slot}, unless {@code slot} is after {@code limit}. */
  private static Optional<BeaconState> stateAt(BeaconService<?> beacon, Slot slot, Slot limit) {
    if (slot.isAfter(limit)) {
      return Optional.empty();
    }
    return canonicalRootAtOrBefore(beacon, slot).flatMap(root -> beacon.stateAt(root, slot));
  }

  /** The newest canonical block at or before {@code slot}. */
  private static Optional<Bytes32> canonicalRootAtOrBefore(BeaconService<?> beacon, Slot slot) {
    ChainStore store = beacon.store();
    Bytes32 root = beacon.head();
    Optional<BlockSummary> summary = store.summary(root);
    while (summary.isPresent()) {
      if (!summary.get().slot().isAfter(slot)) {
        return Optional.of(summary.get().root());
      }
      summary = store.summary(summary.get().parentRoot());
    }
    // Older than the finalized anchor: the finalized slot index (empty slots are skipped).
    long from = slot.value().longValue();
    for (long s = from; s >= 0 && s > from - MAX_SLOT_SCAN; s--) {
      Optional<Bytes32> found = store.finalizedRootAtSlot(Slot.of(s));
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }
}
