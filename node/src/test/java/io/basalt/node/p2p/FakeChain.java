package io.basalt.node.p2p;

import static io.basalt.node.p2p.P2PFixtures.CODECS;
import static io.basalt.node.p2p.P2PFixtures.DIGEST;
import static io.basalt.node.p2p.P2PFixtures.GOOD_SIGNATURE;

import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.shard.datastructures.SignedShardBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tuweni.bytes.Bytes32;

/**
 * An in-memory chain that serves peers and takes synced batches: beacon blocks must carry the good
 * marker signature and have a known parent; a block whose parent is not the head replaces the
 * blocks after its parent (the longest chain wins, genesis is final). Shard blocks are appended per
 * shard. Records the import order ("beacon:<n>" or "shard<i>:<n>").
 */
final class FakeChain implements ChainDataProvider, SyncTarget {

  final List<SignedBeaconBlock> blocks = new CopyOnWriteArrayList<>();
  final Map<Integer, List<SignedShardBlock>> shardBlocks = new ConcurrentHashMap<>();
  final List<String> imports = new CopyOnWriteArrayList<>();

  FakeChain withBlocks(List<SignedBeaconBlock> chain) {
    blocks.addAll(chain);
    return this;
  }

  FakeChain withShardBlocks(int shardCount, int slots) {
    for (int shard = 0; shard < shardCount; shard++) {
      List<SignedShardBlock> list = new CopyOnWriteArrayList<>();
      for (int slot = 1; slot <= slots; slot++) {
        list.add(P2PFixtures.shardBlock(shard, slot));
      }
      shardBlocks.put(shard, list);
    }
    return this;
  }

  Bytes32 headRoot() {
    return blocks.isEmpty() ? Bytes32.ZERO : CODECS.beaconBlockRoot(blocks.get(blocks.size() - 1));
  }

  @Override
  public StatusMessage status() {
    Slot head = blocks.isEmpty() ? Slot.ZERO : blocks.get(blocks.size() - 1).message().slot();
    return new StatusMessage(DIGEST, Bytes32.ZERO, Epoch.ZERO, headRoot(), head);
  }

  @Override
  public List<SignedBeaconBlock> beaconBlocksByRange(Slot startSlot, int count) {
    return blocks.stream()
        .filter(
            b ->
                !b.message().slot().isBefore(startSlot)
                    && b.message().slot().isBefore(startSlot.plus(count)))
        .toList();
  }

  @Override
  public List<SignedBeaconBlock> beaconBlocksByRoot(List<Bytes32> roots) {
    List<SignedBeaconBlock> found = new ArrayList<>();
    for (Bytes32 root : roots) {
      blocks.stream()
          .filter(b -> CODECS.beaconBlockRoot(b).equals(root))
          .findFirst()
          .ifPresent(found::add);
    }
    return found;
  }

  @Override
  public List<SignedShardBlock> shardBlocksByRoot(List<Bytes32> roots) {
    List<SignedShardBlock> found = new ArrayList<>();
    for (Bytes32 root : roots) {
      shardBlocks.values().stream()
          .flatMap(List::stream)
          .filter(b -> b.root().equals(root))
          .findFirst()
          .ifPresent(found::add);
    }
    return found;
  }

  @Override
  public List<SignedShardBlock> shardBlocksByRange(ShardId shard, Slot startSlot, int count) {
    return shardBlocks.getOrDefault(shard.id(), List.of()).stream()
        .filter(
            b ->
                !b.message().header().slot().isBefore(startSlot)
                    && b.message().header().slot().isBefore(startSlot.plus(count)))
        .toList();
  }

  @Override
  public synchronized CompletableFuture<BatchImport> importBeaconBlocks(
      List<SignedBeaconBlock> batch) {
    int imported = 0;
    for (SignedBeaconBlock block : batch) {
      if (!block.signature().equals(GOOD_SIGNATURE)) {
        return CompletableFuture.completedFuture(
            BatchImport.invalid(imported, "bad signature at slot " + block.message().slot()));
      }
      Bytes32 root = CODECS.beaconBlockRoot(block);
      if (indexOf(root) >= 0) {
        continue; // already known
      }
      Bytes32 parent = block.message().parentRoot();
      int parentIndex = indexOf(parent);
      if (parentIndex < 0 && !parent.equals(Bytes32.ZERO)) {
        imports.add("unknown parent:" + block.message().slot());
        return CompletableFuture.completedFuture(
            BatchImport.unknownParent(imported, "parent " + parent));
      }
      while (blocks.size() > parentIndex + 1) {
        blocks.remove(blocks.size() - 1);
      }
      blocks.add(block);
      imported++;
    }
    imports.add("beacon:" + imported);
    return CompletableFuture.completedFuture(BatchImport.ok(imported));
  }

  private int indexOf(Bytes32 root) {
    for (int i = 0; i < blocks.size(); i++) {
      if (CODECS.beaconBlockRoot(blocks.get(i)).equals(root)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public Slot forkSyncStart() {
    return Slot.of(1); // genesis is the finalized checkpoint
  }

  @Override
  public Slot shardSyncStart(ShardId shard) {
    List<SignedShardBlock> list = shardBlocks.getOrDefault(shard.id(), List.of());
    return list.isEmpty()
        ? Slot.of(1)
        : list.get(list.size() - 1).message().header().slot().increment();
  }

  @Override
  public Slot shardForkSyncStart(ShardId shard) {
    return Slot.of(1); // genesis is every shard's finalized block
  }

  /** Shard 0 imports still to refuse as invalid (each counted in {@link #refusedShardImports}). */
  final AtomicInteger refuseShardImports = new AtomicInteger();

  final AtomicInteger refusedShardImports = new AtomicInteger();

  /** Shard imports still to swallow: answered as fine, nothing kept (blocks that never import). */
  final AtomicInteger swallowShardImports = new AtomicInteger();

  @Override
  public synchronized CompletableFuture<BatchImport> importShardBlocks(
      ShardId shard, List<SignedShardBlock> batch) {
    if (shard.id() == 0 && refuseShardImports.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      refusedShardImports.incrementAndGet();
      return CompletableFuture.completedFuture(BatchImport.invalid(0, "refused by the test"));
    }
    if (swallowShardImports.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      imports.add("swallowed" + shard.id() + ":" + batch.size());
      return CompletableFuture.completedFuture(BatchImport.ok(0));
    }
    shardBlocks.computeIfAbsent(shard.id(), k -> new CopyOnWriteArrayList<>()).addAll(batch);
    imports.add("shard" + shard.id() + ":" + batch.size());
    return CompletableFuture.completedFuture(BatchImport.ok(batch.size()));
  }
}
