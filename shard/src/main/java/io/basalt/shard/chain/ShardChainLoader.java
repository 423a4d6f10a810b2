package io.basalt.shard.chain;

import io.basalt.beacon.datastructures.shard.ShardBlockHeader;
import io.basalt.shard.datastructures.SignedShardBlock;
import io.basalt.shard.forkchoice.ShardForkChoice;
import io.basalt.shard.state.ShardState;
import io.basalt.shard.store.ShardChainStore;
import io.basalt.storage.StorageException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Rebuilds a shard's fork choice from its store after a restart: the latest finalized block is the
 * anchor, and every stored unfinalized block is added in slot order (a block's slot is after its
 * parent's, so parents come first). Finalized blocks are recognised from the slot index and not
 * decoded.
 */
final class ShardChainLoader {

  private ShardChainLoader() {}

  static ShardForkChoice load(ShardChainStore store, ShardState genesis) {
    Bytes32 finalized = store.finalizedRoot();
    ShardForkChoice forkChoice;
    if (finalized.isZero()) {
      forkChoice = new ShardForkChoice(genesis.beaconBlockRoot());
    } else {
      ShardBlockHeader anchor =
          store
              .block(finalized)
              .orElseThrow(
                  () ->
                      new StorageException(
                          "Finalized block "
                              + finalized
                              + " of shard "
                              + store.shard()
                              + " is not stored"))
              .message()
              .header();
      forkChoice = new ShardForkChoice(finalized, anchor.slot(), anchor.beaconBlockRoot());
    }
    Set<Bytes32> finalizedRoots = store.finalizedRootSet();
    List<SignedShardBlock> unfinalized =
        store.blocksExcept(finalizedRoots::contains).stream()
            .sorted(Comparator.comparing(block -> block.message().header().slot()))
            .toList();
    for (SignedShardBlock block : unfinalized) {
      ShardBlockHeader header = block.message().header();
      // A block off the finalized chain cannot be left (pruning deletes it in the same commit
      // that finalizes), but a stray one must not stop the node: it is simply not loaded.
      if (forkChoice.contains(header.parentRoot())) {
        forkChoice.onBlock(
            block.root(), header.parentRoot(), header.slot(), header.beaconBlockRoot());
      }
    }
    return forkChoice;
  }
}
