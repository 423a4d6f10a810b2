package io.basalt.beacon.helpers;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.genesis.GenesisBuilder;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.crypto.Hash;
import io.basalt.common.crypto.bls.Bls;
import io.basalt.common.crypto.bls.BlsPublicKey;
import io.basalt.common.crypto.bls.BlsSignature;
import io.basalt.common.crypto.bls.InteropKeys;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.config.SpecConfigLoader;
import java.nio.ByteOrder;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class AggregatorSelectionTest {

  private static final SpecConfig CONFIG = SpecConfigLoader.load("local");
  private final BeaconStateAccessors accessors = new BeaconStateAccessors(CONFIG);
  private final AggregatorSelection selection = new AggregatorSelection(CONFIG, accessors);

  @Test
  void everyMemberAggregatesWhenTheCommitteeIsSmallerThanTheTarget() {
    // Local committees of 2 with TARGET_AGGREGATORS_PER_COMMITTEE 16: modulo 1.
    assertThat(selection.isAggregator(2, Bytes.random(96))).isTrue();
    assertThat(selection.isAggregator(15, Bytes.random(96))).isTrue();
  }

  @Test
  void shouldSelectByTheLittleEndianHashOfTheProofModuloCommitteeOverTarget() {
    int committeeSize = 16 * CONFIG.targetAggregatorsPerCommittee(); // modulo 16
    int selected = 0;
    for (int i = 0; i < 512; i++) {
      Bytes proof =
          Bytes.concatenate(Hash.sha256(Bytes.ofUnsignedInt(i)), Bytes.wrap(new byte[64]));
      long value = Hash.sha256(proof).slice(0, 8).toLong(ByteOrder.LITTLE_ENDIAN);
      boolean expected = Long.remainderUnsigned(value, 16) == 0;
      assertThat(selection.isAggregator(committeeSize, proof)).isEqualTo(expected);
      selected += expected ? 1 : 0;
    }
    // About one in sixteen: 32 expected, far from none or all.
    assertThat(selected).isBetween(12, 60);
  }

  @Test
  void selectionProofShouldVerifyUnderTheSelectionDomain() {
    BeaconState state = GenesisBuilder.interop(CONFIG, 64, UInt64.valueOf(1_000));
    Slot slot = Slot.of(3);
    List<ValidatorIndex> committee = accessors.getBeaconCommittee(state, slot, ShardId.of(1));
    ValidatorIndex member = committee.get(0);
    Bytes32 root = selection.selectionProofSigningRoot(state, slot);
    BlsSignature proof = Bls.sign(InteropKeys.secretKey(member.value().longValue()), root);

    BlsPublicKey key = BlsPublicKey.fromBytes(state.validators().get(member.intValue()).pubkey());
    assertThat(Bls.verify(key, root, proof)).isTrue();
    assertThat(selection.selectionProofSigningRoot(state, slot.increment())).isNotEqualTo(root);
    assertThat(selection.isAggregator(state, slot, ShardId.of(1), proof.toBytes())).isTrue();
  }
}
