package io.basalt.beacon.chain.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.beacon.chain.ChainFixture;
import io.basalt.beacon.chain.pool.PoolAddResult;
import io.basalt.beacon.datastructures.blocks.BeaconBlock;
import io.basalt.beacon.datastructures.operations.Deposit;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.PendingDeposit;
import io.basalt.beacon.testing.TestStates;
import io.basalt.common.crypto.bls.Bls;
import io.basalt.common.crypto.bls.BlsSignatureVerifier;
import io.basalt.common.crypto.bls.InteropKeys;
import io.basalt.common.ssz.Bits;
import io.basalt.common.types.Address;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
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

  private static Bytes signature() {
    return Bls.sign(InteropKeys.secretKey(0), Bytes32.ZERO).toBytes();
  }
}
