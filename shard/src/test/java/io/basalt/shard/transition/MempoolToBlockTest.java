package io.basalt.shard.transition;

import static io.basalt.shard.transition.ShardFixture.address;
import static io.basalt.shard.transition.ShardFixture.ether;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.crypto.bls.BlsSignatureVerifier;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.execution.processor.RecoveredTransaction;
import io.basalt.shard.chain.ShardChain;
import io.basalt.shard.chain.ShardImport;
import io.basalt.shard.datastructures.SignedShardBlock;
import io.basalt.shard.mempool.AddResult;
import io.basalt.shard.mempool.MempoolConfig;
import io.basalt.shard.mempool.ShardMempool;
import io.basalt.shard.mempool.ShardStatePoolContext;
import io.basalt.shard.state.ShardState;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/** The producer's path on a node: pool admission, selection, block, import, pool upkeep. */
class MempoolToBlockTest {

  private final ShardFixture f = new ShardFixture();

  @Test
  void shouldBuildAValidBlockFromThePoolAndEmptyItAfterImport() throws Exception {
    ShardChain producerChain = f.chain(1);
    ShardChain validatorChain = f.chain(1);
    ShardState genesis = producerChain.stateAfter(Bytes32.ZERO).orElseThrow();
    ShardStatePoolContext head =
        new ShardStatePoolContext(
            ShardFixture.CONFIG.chainId(ShardId.of(1)).longValue(),
            ShardFixture.CONFIG.shardGasLimit(),
            producerChain.nodeStore(),
            genesis);
    ShardMempool pool = new ShardMempool(MempoolConfig.DEFAULT, head);

    // Account 0's second transaction arrives first; account 1 sends a cross-shard transfer.
    assertThat(pool.add(f.tx(1, 0, 1, address(5), ether(2), Bytes.EMPTY).tx()))
        .isInstanceOf(AddResult.Added.class);
    assertThat(pool.add(f.tx(1, 0, 0, address(5), ether(1), Bytes.EMPTY).tx()))
        .isInstanceOf(AddResult.Added.class);
    assertThat(pool.add(f.crossShardTransfer(1, 1, 0, 3, address(6), ether(4)).tx()))
        .isInstanceOf(AddResult.Added.class);
    // Signed for shard 2's chain id: refused here.
    assertThat(pool.add(f.tx(2, 2, 0, address(5), ether(1), Bytes.EMPTY).tx()))
        .isInstanceOf(AddResult.Rejected.class);

    List<RecoveredTransaction> candidates =
        pool.selectForBlock(head.baseFee(), head.blockGasLimit()).stream()
            .map(p -> new RecoveredTransaction(p.tx(), p.sender()))
            .toList();
    ProducedShardBlock produced =
        f.producer.produce(
            genesis,
            Slot.of(1),
            f.accessors.getShardProposerIndex(f.anchor, Slot.of(1), ShardId.of(1)),
            ShardFixture.BEACON_ROOT,
            f.anchor,
            address(9),
            candidates,
            (shard, root) -> Optional.empty(),
            producerChain.nodeStore(),
            f.beacon());
    SignedShardBlock block = f.sign(produced.block());
    assertThat(block.message().body().transactions()).hasSize(3);

    ShardImport outcome =
        validatorChain.importBlock(
            block, f.beacon(), BlsSignatureVerifier.simple(), SenderRecoverer.SEQUENTIAL);
    assertThat(outcome).isInstanceOf(ShardImport.Imported.class);
    ShardState post = ((ShardImport.Imported) outcome).result().state();
    assertThat(post.accountsRoot()).isEqualTo(produced.result().state().accountsRoot());

    producerChain.addProduced(block, produced.result());
    head.setHead(produced.result().state());
    pool.onNewHead();
    assertThat(pool.size()).isZero();
    assertThat(pool.nextNonce(address(0)).longValue()).isEqualTo(2);
  }
}
