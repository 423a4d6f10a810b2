package io.basalt.consensus.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.ssz.Bits;
import io.basalt.common.ssz.SszDecodingException;
import io.basalt.common.ssz.SszTypes;
import io.basalt.common.types.Address;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfigLoader;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class AttestationSchemasTest {

  private final AttestationSchemas schemas = new AttestationSchemas(SpecConfigLoader.load("local"));

  static AttestationData data() {
    return new AttestationData(
        Slot.of(17),
        ShardId.of(3),
        Bytes32.repeat((byte) 1),
        new Checkpoint(Epoch.of(1), Bytes32.repeat((byte) 2)),
        new Checkpoint(Epoch.of(2), Bytes32.repeat((byte) 3)),
        Bytes32.repeat((byte) 4));
  }

  @Test
  void attestationDataShouldRoundTripAndMerkleizeItsSixFields() {
    AttestationData data = data();
    Bytes encoded = AttestationData.SSZ.serialize(data);
    assertThat(encoded.size()).isEqualTo(8 + 8 + 32 + 40 + 40 + 32);
    assertThat(AttestationData.SSZ.deserialize(encoded)).isEqualTo(data);
    assertThat(data.hashTreeRoot())
        .isEqualTo(AttestationData.SSZ.fromTree(AttestationData.SSZ.toTree(data)).hashTreeRoot());
  }

  @Test
  void attestationShouldRoundTrip() {
    Attestation attestation =
        new Attestation(Bits.of(true, false, true), data(), Bytes.wrap(new byte[96]));
    Bytes encoded = schemas.attestation().serialize(attestation);
    assertThat(schemas.attestation().deserialize(encoded)).isEqualTo(attestation);
  }

  @Test
  void indexedAttestationShouldRoundTrip() {
    IndexedAttestation indexed =
        new IndexedAttestation(
            List.of(ValidatorIndex.of(1), ValidatorIndex.of(5)), data(), Bytes.wrap(new byte[96]));
    Bytes encoded = schemas.indexedAttestation().serialize(indexed);
    assertThat(schemas.indexedAttestation().deserialize(encoded)).isEqualTo(indexed);
    assertThat(schemas.indexedAttestation().hashTreeRoot(indexed))
        .isNotEqualTo(
            schemas
                .indexedAttestation()
                .hashTreeRoot(
                    new IndexedAttestation(
                        List.of(ValidatorIndex.of(1)), data(), Bytes.wrap(new byte[96]))));
  }

  @Test
  void shardOutOfIntRangeShouldBeATypedDecodingError() {
    Bytes encoded = SszTypes.UINT64.serialize(io.basalt.common.types.UInt64.MAX_VALUE);
    assertThatThrownBy(() -> ConsensusSsz.SHARD.deserialize(encoded))
        .isInstanceOf(SszDecodingException.class)
        .hasMessageContaining("Shard");
  }

  @Test
  void addressShouldRoundTripAsTwentyBytes() {
    Address address = Address.fromHexString("0x00000000000000000000000000000000000000ff");
    Bytes encoded = ConsensusSsz.ADDRESS.serialize(address);
    assertThat(encoded.size()).isEqualTo(20);
    assertThat(ConsensusSsz.ADDRESS.deserialize(encoded)).isEqualTo(address);
  }
}
