package io.basalt.shard.chain;

import static io.basalt.shard.transition.ShardFixture.address;
import static io.basalt.shard.transition.ShardFixture.ether;

import io.basalt.common.crypto.bls.BlsSignatureVerifier;
import io.basalt.common.types.ShardId;
import io.basalt.execution.processor.RecoveredTransaction;
import io.basalt.execution.trie.KvNodeStore;
import io.basalt.shard.datastructures.SignedShardBlock;
import io.basalt.shard.state.ShardState;
import io.basalt.shard.transition.OutboxSource;
import io.basalt.shard.transition.SenderRecoverer;
import io.basalt.shard.transition.ShardFixture;
import io.basalt.storage.KvStore;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Shard 1 blocks with transfers, produced on an in-memory chain: the canonical chain {@code b1 ->
 * b2 -> b3} (slots 1, 2, 3) and a fork {@code f4} (slot 4) on {@code b1} whose transaction differs
 * from {@code b2}'s, plus {@code f5} on {@code f4}.
 */
final class ForkedBlocks {

  static final ShardId SHARD = ShardId.of(1);
  private static final OutboxSource NO_OUTBOXES = (shard, root) -> Optional.empty();

  final ShardFixture f = new ShardFixture();
  final ShardChain producer = f.chain(1);
  final SignedShardBlock b1;
  final SignedShardBlock b2;
  final SignedShardBlock b3;
  final SignedShardBlock f4;
  final SignedShardBlock f5;

  ForkedBlocks() throws Exception {
    b1 =
        next(
            Bytes32.ZERO,
            1,
            List.of(
                f.tx(1, 0, 0, address(5), ether(3), Bytes.EMPTY),
                f.tx(1, 1, 0, address(6), ether(4), Bytes.EMPTY)));
    b2 = next(b1.root(), 2, List.of(f.tx(1, 0, 1, address(5), ether(1), Bytes.EMPTY)));
    b3 = next(b2.root(), 3, List.of(f.tx(1, 2, 0, address(7), ether(2), Bytes.EMPTY)));
    f4 = next(b1.root(), 4, List.of(f.tx(1, 3, 0, address(8), ether(5), Bytes.EMPTY)));
    f5 = next(f4.root(), 5, List.of());
  }

  private SignedShardBlock next(Bytes32 parent, long slot, List<RecoveredTransaction> txs)
      throws Exception {
    ShardState parentState = producer.stateAfter(parent).orElseThrow();
    SignedShardBlock block = f.produce(producer, parentState, slot, txs, NO_OUTBOXES);
    if (!(importInto(producer, block) instanceof ShardImport.Imported)) {
      throw new IllegalStateException("Produced block does not import");
    }
    return block;
  }

  ShardImport importInto(ShardChain chain, SignedShardBlock block) {
    return chain.importBlock(
        block, f.beacon(), BlsSignatureVerifier.simple(), SenderRecoverer.SEQUENTIAL);
  }

  /** The persistent chain of shard 1 in {@code kv}, its genesis trie written to {@code kv}. */
  ShardChain open(KvStore kv) {
    return ShardChain.open(SHARD, f.genesis(1, new KvNodeStore(kv)), kv, f.transition);
  }

  /** The producer's (in-memory) state after {@code block}. */
  ShardState expectedState(SignedShardBlock block) {
    return producer.stateAfter(block.root()).orElseThrow();
  }
}
