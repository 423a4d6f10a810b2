package io.basalt.node.chain;

import io.basalt.beacon.chain.imports.ImportRejection;
import io.basalt.beacon.chain.store.BlockSummary;
import io.basalt.beacon.chain.store.ChainStore;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.consensus.types.Bytes4;
import io.basalt.consensus.types.Checkpoint;
import io.basalt.networking.identity.PeerId;
import io.basalt.node.p2p.BatchImport;
import io.basalt.node.p2p.ChainDataProvider;
import io.basalt.node.p2p.StatusMessage;
import io.basalt.node.p2p.SyncTarget;
import io.basalt.node.shard.ShardService;
import io.basalt.shard.chain.ShardChain;
import io.basalt.shard.datastructures.SignedShardBlock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.tuweni.bytes.Bytes32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What peers may read of the chains (status, blocks by range and root) and where range sync
 * delivers batches, all on the chain thread. Sync imports run through the same pipeline as gossip
 * (each block's signatures verified in one batch); a block the pipeline refuses as invalid marks
 * the batch bad, so the peer that served it is penalised.
 */
public final class ChainData implements ChainDataProvider, SyncTarget {

  private static final Logger LOG = LoggerFactory.getLogger(ChainData.class);

  private final NodeChain<PeerId> chain;
  private final ChainExecutor executor;
  private final Bytes4 forkDigest;

  public ChainData(NodeChain<PeerId> chain, Bytes4 forkDigest) {
    this.chain = chain;
    this.executor = chain.executor();
    this.forkDigest = forkDigest;
  }

  @Override
  public StatusMessage status() {
    return executor.call(
        () -> {
          Bytes32 head = chain.beacon().head();
          Checkpoint finalized = chain.beacon().finalizedCheckpoint();
          return new StatusMessage(
              forkDigest,
              finalized.root(),
              finalized.epoch(),
              head,
              chain.beacon().store().summary(head).map(BlockSummary::slot).orElse(Slot.ZERO));
        });
  }

  @Override
  public List<SignedBeaconBlock> beaconBlocksByRange(Slot startSlot, int count) {
    return executor.call(
        () -> {
          ChainStore store = chain.beacon().store();
          long start = startSlot.value().longValue();
          Map<Long, Bytes32> canonical = new HashMap<>();
          Optional<BlockSummary> cursor = store.summary(chain.beacon().head());
          while (cursor.isPresent() && cursor.get().slot().value().longValue() >= start) {
            canonical.put(cursor.get().slot().value().longValue(), cursor.get().root());
            if (cursor.get().slot().equals(Slot.ZERO)) {
              break;
            }
            cursor = store.summary(cursor.get().parentRoot());
          }
          List<SignedBeaconBlock> blocks = new ArrayList<>();
          for (long slot = start; slot < start + count; slot++) {
            Bytes32 found = canonical.get(slot);
            if (found == null) {
              found = store.finalizedRootAtSlot(Slot.of(slot)).orElse(null);
            }
            if (found != null) {
              store.block(found).ifPresent(blocks::add);
            }
          }
          return blocks;
        });
  }

  @Override
  public List<SignedBeaconBlock> beaconBlocksByRoot(List<Bytes32> roots) {
    return executor.call(
        () ->
            roots.stream()
                .map(root -> chain.beacon().store().block(root))
                .flatMap(Optional::stream)
                .toList());
  }

  /** Read off the chain thread: each shard chain serialises its own reads. */
  @Override
  public List<SignedShardBlock> shardBlocksByRoot(List<Bytes32> roots) {
    ShardService<PeerId> shards = chain.shards();
    List<SignedShardBlock> found = new ArrayList<>();
    for (Bytes32 root : roots) {
      for (int shard = 0; shard < shards.shardCount(); shard++) {
        Optional<SignedShardBlock> block = shards.chain(ShardId.of(shard)).block(root);
        if (block.isPresent()) {
          found.add(block.get());
          break;
        }
      }
    }
    return found;
  }

  @Override
  public List<SignedShardBlock> shardBlocksByRange(ShardId shard, Slot startSlot, int count) {
    if (shard.id() >= chain.config().shardCount()) {
      return List.of();
    }
    return executor.call(
        () -> {
          ShardService<PeerId> shards = chain.shards();
          return shards
              .chain(shard)
              .canonicalBlocksByRange(shards.headRoot(shard), startSlot, count);
        });
  }

  @Override
  public CompletableFuture<BatchImport> importBeaconBlocks(List<SignedBeaconBlock> blocks) {
    return executor.submit(
        () -> {
          int imported = 0;
          for (SignedBeaconBlock block : blocks) {
            Optional<ImportRejection> rejection = chain.beacon().onBlock(chain.self(), block);
            if (rejection.isEmpty()) {
              imported++;
              continue;
            }
            if (rejection.get().reason() == ImportRejection.Reason.UNKNOWN_PARENT) {
              return BatchImport.unknownParent(
                  imported,
                  "block at slot " + block.message().slot() + ": " + rejection.get().detail());
            }
            if (ChainGossip.verdictOf(rejection).result()
                == io.basalt.networking.gossip.ValidationResult.REJECT) {
              return BatchImport.invalid(
                  imported,
                  "block at slot "
                      + block.message().slot()
                      + ": "
                      + rejection.get().reason()
                      + " "
                      + rejection.get().detail());
            }
          }
          return BatchImport.ok(imported);
        });
  }

  @Override
  public Slot forkSyncStart() {
    return executor.call(
        () ->
            chain
                .beacon()
                .store()
                .summary(chain.beacon().finalizedCheckpoint().root())
                .map(BlockSummary::slot)
                .orElse(Slot.ZERO)
                .increment());
  }

  @Override
  public Slot shardSyncStart(ShardId shard) {
    return executor.call(
        () -> {
          ShardChain shardChain = chain.shards().chain(shard);
          return shardChain.headSlot().plus(1);
        });
  }

  @Override
  public Slot shardForkSyncStart(ShardId shard) {
    return executor.call(() -> chain.shards().chain(shard).finalizedSlot().increment());
  }

  @Override
  public CompletableFuture<BatchImport> importShardBlocks(
      ShardId shard, List<SignedShardBlock> blocks) {
    return executor.submit(
        () -> {
          int imported = 0;
          int known = 0;
          int waiting = 0;
          for (SignedShardBlock block : blocks) {
            switch (chain.shards().onBlock(chain.self(), block)) {
              case IMPORTED -> imported++;
              case KNOWN -> known++;
              case WAITING -> waiting++;
              case INVALID -> {
                return BatchImport.invalid(
                    imported, chain.shards().lastInvalidReason().orElse("invalid shard block"));
              }
            }
          }
          LOG.debug(
              "Shard {} batch of {}: {} imported, {} known, {} waiting (beacon block or parent)",
              shard,
              blocks.size(),
              imported,
              known,
              waiting);
          return BatchImport.ok(imported);
        });
  }
}
