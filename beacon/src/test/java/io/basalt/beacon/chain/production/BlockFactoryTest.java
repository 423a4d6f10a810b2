package io.basalt.beacon.chain.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.beacon.chain.ChainFixture;
import io.basalt.beacon.chain.pool.PoolAddResult;
import io.basalt.beacon.datastructures.blocks.BeaconBlock;
import io.basalt.beacon.datastructures.operations.Deposit;
import io.basalt.beacon.datastructures.shard.Crosslink;
import io.basalt.beacon.datastructures.shard.ShardOutbox;
import io.basalt.beacon.datastructures.shard.StakingReceipt;
import io.basalt.beacon.datastructures.shard.StakingReceiptProof;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.PendingDeposit;
import io.basalt.beacon.testing.TestStates;
import io.basalt.beacon.transition.EpochTransition;
import io.basalt.common.crypto.bls.Bls;
import io.basalt.common.crypto.bls.BlsSignatureVerifier;
import io.basalt.common.crypto.bls.InteropKeys;
import io.basalt.common.ssz.Bits;
import io.basalt.common.types.Address;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.types.Attestation;
import io.basalt.consensus.types.AttestationData;
import io.basalt.consensus.types.Checkpoint;
import io.basalt.storage.memory.InMemoryKvStore;
import io.basalt.storage.schema.BasaltSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.bytes.Bytes48;
import org.junit.jupiter.api.Test;

class BlockFactoryTest {

  private final ChainFixture chain =
      ChainFixture.genesis(InMemoryKvStore.create(BasaltSchema.SCHEMA), 8);

  @Test
  void shouldProduceBlockWhoseStateRootIsItsPostState() throws Exception {
    List<PendingDeposit> pending = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      pending.add(
          new PendingDeposit(
              Bytes48.leftPad(Bytes.of(i + 1)),
              Address.ZERO,
              Gwei.of(1_000_000_000L),
              Bytes.wrap(new byte[96])));
    }
    BeaconState genesis =
        TestStates.genesis64()
            .updated(m -> m.setPendingDeposits(ChainFixture.SCHEMAS.pendingDeposits().of(pending)));
    BeaconState pre = chain.transition.advanceTo(genesis, Slot.of(9));
    AttestationData data =
        new AttestationData(
            Slot.of(8),
            ShardId.of(0),
            Bytes32.repeat((byte) 1),
            Checkpoint.GENESIS,
            new Checkpoint(Epoch.of(1), Bytes32.ZERO),
            Bytes32.ZERO);
    Attestation attestation =
        new Attestation(Bits.zeros(2).with(0, true).with(1, true), data, signature());
    assertThat(chain.attestationPool.add(attestation)).isEqualTo(PoolAddResult.ADDED);
    ValidatorIndex proposer = chain.accessors.getBeaconProposerIndex(pre);

    BeaconBlock block =
        chain.blockFactory.createBlock(
            genesis,
            Slot.of(9),
            proposer,
            chain.randaoReveal(pre, proposer),
            Bytes32.repeat((byte) 0x61),
            List.of());

    BeaconState post = chain.transition.processBlock(pre, block, BlsSignatureVerifier.simple());
    assertThat(block.stateRoot()).isEqualTo(post.hashTreeRoot());
    assertThat(block.parentRoot()).isEqualTo(pre.latestBlockHeader().hashTreeRoot());
    assertThat(block.body().attestations()).containsExactly(attestation);
    assertThat(block.body().deposits())
        .hasSize(ChainFixture.CONFIG.maxDeposits())
        .extracting(Deposit::data)
        .containsExactlyElementsOf(
            pending.subList(0, ChainFixture.CONFIG.maxDeposits()).stream()
                .map(PendingDeposit::toDepositData)
                .toList());
    assertThat(post.pendingDeposits().size()).isEqualTo(20 - ChainFixture.CONFIG.maxDeposits());
  }

  @Test
  void shouldRefuseSlotNotAfterParent() {
    BeaconState genesis = TestStates.genesis64();
    assertThatThrownBy(
            () ->
                chain.blockFactory.createBlock(
                    genesis,
                    Slot.ZERO,
                    ValidatorIndex.ZERO,
                    Bytes.wrap(new byte[96]),
                    Bytes32.ZERO,
                    List.of()))
        .isInstanceOf(BlockProductionException.class)
        .hasMessageContaining("not after the parent");
  }

  @Test
  void shouldReportInvalidBlockFromTransition() {
    BeaconState genesis = TestStates.genesis64();
    // Wrong proposer: the transition refuses the block, production says why.
    assertThatThrownBy(
            () ->
                chain.blockFactory.createBlock(
                    genesis,
                    Slot.of(1),
                    ValidatorIndex.of(63),
                    Bytes.wrap(new byte[96]),
                    Bytes32.ZERO,
                    List.of()))
        .isInstanceOf(BlockProductionException.class)
        .hasMessageContaining("invalid");
  }

  @Test
  void shouldKeepOnlyTheStakingReceiptsTheStateAccepts() throws Exception {
    ChainFixture spec =
        ChainFixture.genesisOnSpec(
            InMemoryKvStore.create(BasaltSchema.SCHEMA), EpochTransition.NONE);
    ShardOutbox.Schema outboxSchema = ChainFixture.SCHEMAS.shardOutbox();
    ShardOutbox outbox = ShardOutbox.empty(outboxSchema);
    for (int i = 0; i < 3; i++) {
      outbox = outbox.with(stakingReceipt(1, i));
    }
    Bytes32 receiptsRoot = outbox.root(outboxSchema);
    // Receipt 0 of shard 1 was queued by an earlier block: its cursor is at 1.
    BeaconState genesis =
        TestStates.genesis64()
            .updated(
                m ->
                    m.setLatestCrosslink(
                            1,
                            new Crosslink(
                                ShardId.of(1),
                                Slot.ZERO,
                                Bytes32.repeat((byte) 5),
                                Bytes32.ZERO,
                                receiptsRoot))
                        .setStakingReceiptCursor(1, UInt64.ONE));
    List<StakingReceiptProof> proofs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      proofs.add(
          new StakingReceiptProof(
              outbox.toBeacon().get(i), outbox.proveStakingReceipt(outboxSchema, i)));
    }
    StakingReceiptProof notCrosslinked =
        new StakingReceiptProof(stakingReceipt(2, 0), proofs.get(0).branch());
    StakingReceiptProof noSuchShard =
        new StakingReceiptProof(stakingReceipt(9, 0), proofs.get(0).branch());
    List<StakingReceiptProof> offered =
        List.of(
            proofs.get(0), // stale: already queued
            proofs.get(2), // ahead of receipt 1
            notCrosslinked,
            noSuchShard,
            proofs.get(1),
            proofs.get(1), // duplicate
            proofs.get(2));
    BeaconState pre = spec.transition.advanceTo(genesis, Slot.of(1));
    ValidatorIndex proposer = spec.accessors.getBeaconProposerIndex(pre);

    BeaconBlock block =
        spec.blockFactory.createBlock(
            genesis,
            Slot.of(1),
            proposer,
            spec.randaoReveal(pre, proposer),
            Bytes32.ZERO,
            List.of(),
            offered);

    assertThat(block.body().stakingReceipts()).containsExactly(proofs.get(1), proofs.get(2));
    BeaconState post = spec.transition.processBlock(pre, block, BlsSignatureVerifier.simple());
    assertThat(block.stateRoot()).isEqualTo(post.hashTreeRoot());
    assertThat(post.pendingDeposits().toList())
        .containsExactly(
            proofs.get(1).receipt().toPendingDeposit(), proofs.get(2).receipt().toPendingDeposit());
    assertThat(post.stakingReceiptCursors().get(1)).isEqualTo(UInt64.valueOf(3));
  }

  @Test
  void shouldKeepAtMostMaxDepositsStakingReceipts() throws Exception {
    ChainFixture spec =
        ChainFixture.genesisOnSpec(
            InMemoryKvStore.create(BasaltSchema.SCHEMA), EpochTransition.NONE);
    ShardOutbox.Schema outboxSchema = ChainFixture.SCHEMAS.shardOutbox();
    int max = ChainFixture.CONFIG.maxDeposits();
    ShardOutbox outbox = ShardOutbox.empty(outboxSchema);
    for (int i = 0; i <= max; i++) {
      outbox = outbox.with(stakingReceipt(0, i));
    }
    Bytes32 receiptsRoot = outbox.root(outboxSchema);
    BeaconState genesis =
        TestStates.genesis64()
            .updated(
                m ->
                    m.setLatestCrosslink(
                        0,
                        new Crosslink(
                            ShardId.of(0),
                            Slot.ZERO,
                            Bytes32.repeat((byte) 5),
                            Bytes32.ZERO,
                            receiptsRoot)));
    List<StakingReceiptProof> offered = new ArrayList<>();
    for (int i = 0; i <= max; i++) {
      offered.add(
          new StakingReceiptProof(
              outbox.toBeacon().get(i), outbox.proveStakingReceipt(outboxSchema, i)));
    }
    BeaconState pre = spec.transition.advanceTo(genesis, Slot.of(1));
    ValidatorIndex proposer = spec.accessors.getBeaconProposerIndex(pre);

    BeaconBlock block =
        spec.blockFactory.createBlock(
            genesis,
            Slot.of(1),
            proposer,
            spec.randaoReveal(pre, proposer),
            Bytes32.ZERO,
            List.of(),
            offered);

    assertThat(block.body().stakingReceipts()).containsExactlyElementsOf(offered.subList(0, max));
  }

  private static StakingReceipt stakingReceipt(int source, long index) {
    return new StakingReceipt(
        ShardId.of(source),
        UInt64.valueOf(index),
        Bytes48.leftPad(Bytes.of((int) index + 1)),
        Address.ZERO,
        Gwei.of(1_000_000_000L),
        Bytes.wrap(new byte[96]),
        Address.ZERO,
        Bytes32.repeat((byte) index));
  }

  private static Bytes signature() {
    return Bls.sign(InteropKeys.secretKey(0), Bytes32.ZERO).toBytes();
  }
}
