package io.basalt.beacon.chain.gossip;

import io.basalt.beacon.chain.imports.BlockImportPipeline;
import io.basalt.beacon.chain.imports.GossipVerifiedBlock;
import io.basalt.beacon.chain.imports.ImportRejection;
import io.basalt.beacon.chain.imports.ImportResult;
import io.basalt.beacon.chain.imports.ImportedBlock;
import io.basalt.beacon.chain.imports.SignatureVerifiedBlock;
import io.basalt.beacon.chain.slashing.SlashingDetector;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.common.types.Slot;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.apache.tuweni.bytes.Bytes32;

/**
 * One node's handling of blocks from gossip (peers of type {@code P}), from by-root responses and
 * from its own proposer: the import pipeline's three stages, with sync of unknown parents.
 *
 * <ul>
 *   <li>{@code UNKNOWN_PARENT}: the block waits in an {@link UnknownParentQueue} and the parent is
 *       requested by root from the peer that sent the block (again after a slot if still missing);
 *       each import releases the blocks waiting for it, so a chain of missing ancestors is fetched
 *       one block per round trip.
 *   <li>Any other rejection is counted by reason and returned, so the caller can score the sender.
 *   <li>After the proposer signature verified, the header goes to the slashing detector even if the
 *       block is later refused: an equivocation is evidence either way.
 * </ul>
 */
public final class BlockGossipHandler<P> {

  /** Asks {@code peer} for the block {@code root} (its answer comes back through onBlock). */
  @FunctionalInterface
  public interface ParentRequester<P> {
    void request(P peer, Bytes32 root);
  }

  private final P self;
  private final BlockImportPipeline pipeline;
  private final SlashingDetector slashingDetector;
  private final Consumer<ImportedBlock> onImported;
  private final ParentRequester<P> requester;
  private final LongSupplier clockMillis;
  private final UnknownParentQueue<P> unknownParents;
  private final Map<ImportRejection.Reason, Long> rejections =
      new EnumMap<>(ImportRejection.Reason.class);
  private long blockRequestsSent;

  public BlockGossipHandler(
      P self,
      BlockImportPipeline pipeline,
      SlashingDetector slashingDetector,
      Consumer<ImportedBlock> onImported,
      ParentRequester<P> requester,
      LongSupplier clockMillis,
      long retryMillis) {
    this.self = self;
    this.pipeline = pipeline;
    this.slashingDetector = slashingDetector;
    this.onImported = onImported;
    this.requester = requester;
    this.clockMillis = clockMillis;
    this.unknownParents = new UnknownParentQueue<>(512, retryMillis);
  }

  /**
   * Runs {@code block} from {@code from} through the pipeline.
   *
   * @return empty if it was imported, else why not ({@code UNKNOWN_PARENT}: it waits for its
   *     parent)
   */
  public Optional<ImportRejection> onBlock(P from, SignedBeaconBlock block) {
    ImportResult<GossipVerifiedBlock> gossip = pipeline.gossipVerify(block);
    if (!gossip.isAccepted()) {
      ImportRejection rejection = gossip.rejection();
      rejections.merge(rejection.reason(), 1L, Long::sum);
      if (rejection.reason() == ImportRejection.Reason.UNKNOWN_PARENT) {
        Bytes32 parent = block.message().parentRoot();
        unknownParents.add(from, block);
        if (!from.equals(self) && unknownParents.shouldRequest(parent, clockMillis.getAsLong())) {
          blockRequestsSent++;
          requester.request(from, parent);
        }
      }
      return Optional.of(rejection);
    }
    slashingDetector.onBlockHeader(block);
    ImportResult<SignatureVerifiedBlock> verified = pipeline.verifySignatures(gossip.value());
    if (!verified.isAccepted()) {
      rejections.merge(verified.rejection().reason(), 1L, Long::sum);
      return Optional.of(verified.rejection());
    }
    ImportResult<ImportedBlock> imported = pipeline.importBlock(verified.value());
    if (!imported.isAccepted()) {
      rejections.merge(imported.rejection().reason(), 1L, Long::sum);
      return Optional.of(imported.rejection());
    }
    onImported.accept(imported.value());
    for (UnknownParentQueue.Waiting<P> child : unknownParents.childrenOf(imported.value().root())) {
      onBlock(child.from(), child.block());
    }
    return Optional.empty();
  }

  /** Drops waiting blocks that can no longer be imported. */
  public void prune(Slot finalizedSlot) {
    unknownParents.prune(finalizedSlot);
  }

  public long rejectionCount(ImportRejection.Reason reason) {
    return rejections.getOrDefault(reason, 0L);
  }

  public long blockRequestsSent() {
    return blockRequestsSent;
  }

  /** Blocks waiting for a parent. */
  public int waitingForParent() {
    return unknownParents.size();
  }
}
