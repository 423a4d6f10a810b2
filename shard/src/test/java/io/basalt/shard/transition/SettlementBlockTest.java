package io.basalt.shard.transition;

import static io.basalt.shard.transition.ShardFixture.ether;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.crypto.bls.Bls;
import io.basalt.common.crypto.bls.BlsSecretKey;
import io.basalt.common.crypto.bls.BlsSignatureVerifier;
import io.basalt.common.crypto.bls.InteropKeys;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.UInt64;
import io.basalt.execution.contracts.SystemContracts;
import io.basalt.execution.settlement.BatchHeader;
import io.basalt.execution.settlement.BatchRecord;
import io.basalt.execution.settlement.SettlementAbi;
import io.basalt.execution.settlement.SettlementDigests;
import io.basalt.execution.settlement.SettlementSlots;
import io.basalt.execution.settlement.Uint;
import io.basalt.execution.state.WorldState;
import io.basalt.shard.chain.ShardChain;
import io.basalt.shard.chain.ShardImport;
import io.basalt.shard.datastructures.SignedShardBlock;
import io.basalt.shard.state.ShardState;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/**
 * Settlement transactions in real shard blocks: the producer and a validating node run them under
 * the same Settlement view (this shard's chain id, the block's slot), so they agree on the state.
 */
class SettlementBlockTest {

  private final ShardFixture f = new ShardFixture();

  @Test
  void shouldCommitABatchSignedForThisShardsChainIdAtTheBlocksSlot() throws Exception {
    int shard = 1;
    ShardChain producerChain = f.chain(shard);
    ShardChain validatorChain = f.chain(shard);
    ShardState genesis = producerChain.stateAfter(Bytes32.ZERO).orElseThrow();
    BlsSecretKey operator = InteropKeys.secretKey(3);
    List<Object> config =
        List.of(
            BigInteger.ONE,
            BigInteger.valueOf(16),
            List.of(),
            List.of(),
            BigInteger.ZERO,
            List.of());
    Bytes register =
        SettlementAbi.REGISTER_ROLLUP.encodeCall(
            List.of(
                config,
                List.of(operator.publicKey().toBytes()),
                List.of(BigInteger.ONE),
                List.of(Bls.popProve(operator).toBytes())));
    BatchHeader header =
        new BatchHeader(
            Bytes32.ZERO, 1, 4, Bytes32.repeat((byte) 2), Bytes32.repeat((byte) 3), Bytes32.ZERO);
    Bytes32 batchHash = header.batchHash(0, 0);
    long chainId = ShardFixture.CONFIG.chainId(ShardId.of(shard)).longValue();
    Bytes signature =
        Bls.sign(operator, SettlementDigests.commitDigest(chainId, shard, 0, batchHash)).toBytes();
    Bytes commit =
        SettlementAbi.COMMIT_BATCH.encodeCall(
            List.of(
                BigInteger.ZERO,
                BigInteger.ZERO,
                header.parentBatchHash(),
                BigInteger.ONE,
                BigInteger.valueOf(4),
                header.stateRoot(),
                header.withdrawalsRoot(),
                header.dataHash(),
                Bytes.of(1),
                signature));

    SignedShardBlock block =
        f.produce(
            producerChain,
            genesis,
            5,
            List.of(
                f.tx(shard, 0, 0, SystemContracts.SETTLEMENT, ether(1), register, 500_000),
                f.tx(shard, 1, 0, SystemContracts.SETTLEMENT, ether(0), commit, 500_000)),
            (s, root) -> Optional.empty());

    ShardImport outcome =
        validatorChain.importBlock(
            block, f.beacon(), BlsSignatureVerifier.simple(), SenderRecoverer.SEQUENTIAL);
    assertThat(outcome).isInstanceOf(ShardImport.Imported.class);
    ShardState post = ((ShardImport.Imported) outcome).result().state();
    assertThat(((ShardImport.Imported) outcome).result().body().execution().receipts())
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.success()).isTrue());
    WorldState world = WorldState.open(post.accountsRoot(), validatorChain.nodeStore());
    assertThat(
            world.getStorage(
                SystemContracts.SETTLEMENT,
                SettlementSlots.batch(0, 0, BatchRecord.FIELD_BATCH_HASH)))
        .isEqualTo(batchHash);
    assertThat(world.getStorage(SystemContracts.SETTLEMENT, SettlementSlots.batch(0, 0, 7)))
        .isEqualTo(Uint.word(5));
    assertThat(world.getOrEmpty(SystemContracts.SETTLEMENT).balance()).isEqualTo(ether(1));
    assertThat(world.getOrEmpty(SystemContracts.SETTLEMENT).nonce()).isEqualTo(UInt64.ONE);
  }
}
