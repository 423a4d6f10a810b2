package io.basalt.beacon.simulator;

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
import java.util.function.Consumer;
import org.apache.tuweni.bytes.Bytes32;

/**
 * One node's handling of blocks from gossip, from by-root responses and from its own proposer: the
 * import pipeline's three stages, with sync of unknown parents.
 *
 * <ul>
 *   <li>{@code UNKNOWN_PARENT}: the block waits in an {@link UnknownParentQueue} and the parent is
 *       requested by root from the peer that sent the block (again after a slot if still missing);
 *       each import releases the blocks waiting for it, so a chain of missing ancestors is fetched
 *       one block per round trip.
 *   <li>Any other rejection is counted by reason (IGNORE or REJECT in gossip terms; the simulator
 *       has no peer scoring).
 *   <li>After the proposer signature verified, the header goes to the slashing detector even if the
 *       block is later refused: an equivocation is evidence either way.
 * </ul>
 */
final class BlockGossipHandler {

  private final int nodeId;
  private final BlockImportPipeline pipeline;
  private final SlashingDetector slashingDetector;
  private final Consumer<ImportedBlock> onImported;
  private final SimNetwork network;
  private final SimScheduler scheduler;
  private final UnknownParentQueue unknownParents;
  private final Map<ImportRejection.Reason, Long> rejections =
      new EnumMap<>(ImportRejection.Reason.class);
  private long blockRequestsSent;

  BlockGossipHandler(
      int nodeId,
      BlockImportPipeline pipeline,
      SlashingDetector slashingDetector,
      Consumer<ImportedBlock> onImported,
      SimNetwork network,
      SimScheduler scheduler,
      long retryMillis) {
    this.nodeId = nodeId;
    this.pipeline = pipeline;
    this.slashingDetector = slashingDetector;
    this.onImported = onImported;
    this.network = network;
    this.scheduler = scheduler;
    this.unknownParents = new UnknownParentQueue(512, retryMillis);
  }

  void onBlock(int from, SignedBeaconBlock block) {
    ImportResult<GossipVerifiedBlock> gossip = pipeline.gossipVerify(block);
    if (!gossip.isAccepted()) {
      ImportRejection.Reason reason = gossip.rejection().reason();
      rejections.merge(reason, 1L, Long::sum);
      if (reason == ImportRejection.Reason.UNKNOWN_PARENT) {
        Bytes32 parent = block.message().parentRoot();
        unknownParents.add(from, block);
        if (from != nodeId && unknownParents.shouldRequest(parent, scheduler.now())) {
          blockRequestsSent++;
          network.send(nodeId, from, new SimMessage.BlockRequest(parent));
        }
      }
      return;
    }
    slashingDetector.onBlockHeader(block);
    ImportResult<SignatureVerifiedBlock> verified = pipeline.verifySignatures(gossip.value());
    if (!verified.isAccepted()) {
      rejections.merge(verified.rejection().reason(), 1L, Long::sum);
      return;
    }
    ImportResult<ImportedBlock> imported = pipeline.importBlock(verified.value());
    if (!imported.isAccepted()) {
      rejections.merge(imported.rejection().reason(), 1L, Long::sum);
      return;
    }
    onImported.accept(imported.value());
    for (UnknownParentQueue.Waiting child : unknownParents.childrenOf(imported.value().root())) {
      onBlock(child.from(), child.block());
    }
  }

  /** Drops waiting blocks that can no longer be imported. */
  void prune(Slot finalizedSlot) {
    unknownParents.prune(finalizedSlot);
  }

  long rejectionCount(ImportRejection.Reason reason) {
    return rejections.getOrDefault(reason, 0L);
  }

  long blockRequestsSent() {
    return blockRequestsSent;
  }
}
