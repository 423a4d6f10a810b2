package io.basalt.shard.store;

import io.basalt.common.crypto.Hash;
import io.basalt.shard.datastructures.SignedShardBlock;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;

/** The hashes of a block's transactions, in block order: Keccak-256 of each network encoding. */
final class BlockTransactions {

  private BlockTransactions() {}

  static List<Bytes32> hashes(SignedShardBlock block) {
    return block.message().body().transactions().stream().map(Hash::keccak256).toList();
  }
}
