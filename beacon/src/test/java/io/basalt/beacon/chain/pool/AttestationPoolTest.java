package io.basalt.beacon.chain.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.testing.TestStates;
import io.basalt.common.crypto.bls.Bls;
import io.basalt.common.crypto.bls.BlsSignature;
import io.basalt.common.crypto.bls.InteropKeys;
import io.basalt.common.ssz.Bits;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.types.Attestation;
import io.basalt.consensus.types.AttestationData;
import io.basalt.consensus.types.Checkpoint;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class AttestationPoolTest {

  private static final SpecConfig CONFIG = TestStates.LOCAL;
  private final AttestationPacker packer =
      new AttestationPacker(CONFIG, new BeaconStateAccessors(CONFIG));

  @Test
  void shouldAggregateDisjointAttestationsIntoOne() {
    AttestationPool pool = new AttestationPool(CONFIG, packer, 16, 100);
    AttestationData data = data(3, 0);
    Attestation a = signed(data, 4, 0);
    Attestation b = signed(data, 4, 2);

    assertThat(pool.add(a)).isEqualTo(PoolAddResult.ADDED);
    assertThat(pool.add(b)).isEqualTo(PoolAddResult.AGGREGATED);

    assertThat(pool.aggregatesFor(data)).hasSize(1);
    Attestation aggregate = pool.aggregatesFor(data).get(0);
    assertThat(aggregate.aggregationBits()).isEqualTo(bits(4, 0, 2));
    BlsSignature expected =
        Bls.aggregate(
            List.of(BlsSignature.fromBytes(a.signature()), BlsSignature.fromBytes(b.signature())));
    assertThat(aggregate.signature()).isEqualTo(expected.toBytes());
    assertThat(pool.size()).isEqualTo(1);
  }

  @Test
  void shouldKeepOverlappingAggregatesSeparately() {
    AttestationPool pool = new AttestationPool(CONFIG, packer, 16, 100);
    AttestationData data = data(3, 0);
    pool.add(aggregate(data, 4, 0, 1));

    assertThat(pool.add(aggregate(data, 4, 1, 2))).isEqualTo(PoolAddResult.ADDED);

    assertThat(pool.aggregatesFor(data))
        .extracting(Attestation::aggregationBits)
        .containsExactly(bits(4, 0, 1), bits(4, 1, 2));
  }

  @Test
  void shouldDropAttestationAlreadyCovered() {
    AttestationPool pool = new AttestationPool(CONFIG, packer, 16, 100);
    AttestationData data = data(3, 0);
    pool.add(aggregate(data, 4, 0, 1, 2));

    assertThat(pool.add(signed(data, 4, 1))).isEqualTo(PoolAddResult.ALREADY_KNOWN);
    assertThat(pool.size()).isEqualTo(1);
  }

  @Test
  void shouldNotMixDifferentData() {
    AttestationPool pool = new AttestationPool(CONFIG, packer, 16, 100);
    pool.add(signed(data(3, 0), 4, 0));
    assertThat(pool.add(signed(data(3, 1), 4, 1))).isEqualTo(PoolAddResult.ADDED);
    assertThat(pool.size()).isEqualTo(2);
  }

  @Test
  void shouldRejectEmptyBitsAndBadSignature() {
    AttestationPool pool = new AttestationPool(CONFIG, packer, 16, 100);
    AttestationData data = data(3, 0);
    assertThat(pool.add(new Attestation(Bits.zeros(4), data, signed(data, 4, 0).signature())))
        .isEqualTo(PoolAddResult.INVALID);
    assertThat(pool.add(new Attestation(bits(4, 0), data, Bytes.wrap(new byte[96]))))
        .isEqualTo(PoolAddResult.INVALID);
    assertThat(pool.size()).isZero();
  }

  @Test
  void shouldPruneAttestationsOlderThanWindow() {
    AttestationPool pool = new AttestationPool(CONFIG, packer, 4, 100);
    pool.add(signed(data(1, 0), 4, 0));
    pool.add(signed(data(6, 0), 4, 0));

    pool.prune(Slot.of(6));

    assertThat(pool.size()).isEqualTo(1);
    assertThat(pool.aggregatesFor(data(1, 0))).isEmpty();
    assertThat(pool.add(signed(data(1, 1), 4, 0))).isEqualTo(PoolAddResult.TOO_OLD);
    assertThat(pool.droppedCount()).isZero();
  }

  @Test
  void shouldDropOldestWhenFullAndCountDrops() {
    AttestationPool pool = new AttestationPool(CONFIG, packer, 16, 2);
    pool.add(signed(data(1, 0), 4, 0));
    pool.add(signed(data(2, 0), 4, 0));
    pool.add(signed(data(3, 0), 4, 0));

    assertThat(pool.size()).isEqualTo(2);
    assertThat(pool.droppedCount()).isEqualTo(1);
    assertThat(pool.aggregatesFor(data(1, 0))).isEmpty();
    assertThat(pool.aggregatesFor(data(3, 0))).hasSize(1);
  }

  static AttestationData data(long slot, int shard) {
    Epoch epoch = Epoch.of(slot / CONFIG.slotsPerEpoch());
    return new AttestationData(
        Slot.of(slot),
        ShardId.of(shard),
        Bytes32.repeat((byte) 1),
        Checkpoint.GENESIS,
        new Checkpoint(epoch, Bytes32.ZERO),
        Bytes32.ZERO);
  }

  static Bits bits(int size, int... set) {
    Bits bits = Bits.zeros(size);
    for (int i : set) {
      bits = bits.with(i, true);
    }
    return bits;
  }

  /** One member's attestation, signed by an interop key (any key: the pool does not verify). */
  static Attestation signed(AttestationData data, int size, int member) {
    BlsSignature signature = Bls.sign(InteropKeys.secretKey(member), data.hashTreeRoot());
    return new Attestation(bits(size, member), data, signature.toBytes());
  }

  static Attestation aggregate(AttestationData data, int size, int... members) {
    List<BlsSignature> signatures =
        java.util.Arrays.stream(members)
            .mapToObj(m -> BlsSignature.fromBytes(signed(data, size, m).signature()))
            .toList();
    return new Attestation(bits(size, members), data, Bls.aggregate(signatures).toBytes());
  }
}
