package io.basalt.node.p2p;

import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.shard.datastructures.SignedShardBlock;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;

/**
 * What peers may ask of the chain. Answers canonical data as of our head; lists may be shorter.
 * Called on the network's request-serving thread; implementations are thread-safe.
 */
public interface ChainDataProvider {

  StatusMessage status();

  /** Canonical blocks with slots in {@code [startSlot, startSlot + count)}, by increasing slot. */
  List<SignedBeaconBlock> beaconBlocksByRange(Slot startSlot, int count);

  /** The blocks we hold among {@code roots}, in the order asked; unknown roots are skipped. */
  List<SignedBeaconBlock> beaconBlocksByRoot(List<Bytes32> roots);

  /** Canonical blocks of {@code shard} with slots in {@code [startSlot, startSlot + count)}. */
  List<SignedShardBlock> shardBlocksByRange(ShardId shard, Slot startSlot, int count);

  /**
   * The shard blocks (of any shard) we hold among {@code roots}, in the order asked; unknown roots
   * are skipped.
   */
  List<SignedShardBlock> shardBlocksByRoot(List<Bytes32> roots);
}
