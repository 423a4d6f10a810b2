package io.basalt.consensus.types;

import static io.basalt.common.ssz.Field.field;

import io.basalt.common.ssz.ContainerSchema;
import io.basalt.common.ssz.SszTypes;
import io.basalt.consensus.config.SpecConfig;

/**
 * The attestation schemas of one config: their list limits are {@code
 * MAX_VALIDATORS_PER_COMMITTEE}. Immutable and thread-safe; build once per config (the beacon
 * schemas hold one).
 */
public final class AttestationSchemas {

  private final ContainerSchema<Attestation> attestation;
  private final ContainerSchema<IndexedAttestation> indexedAttestation;

  public AttestationSchemas(SpecConfig config) {
    int maxCommittee = config.maxValidatorsPerCommittee();
    this.attestation =
        ContainerSchema.ofRecord(
            Attestation.class,
            field("aggregationBits", SszTypes.bitlist(maxCommittee), Attestation::aggregationBits),
            field("data", AttestationData.SSZ, Attestation::data),
            field("signature", ConsensusSsz.BLS_SIGNATURE, Attestation::signature));
    this.indexedAttestation =
        ContainerSchema.ofRecord(
            IndexedAttestation.class,
            field(
                "attestingIndices",
                SszTypes.list(SszTypes.VALIDATOR_INDEX, maxCommittee),
                IndexedAttestation::attestingIndices),
            field("data", AttestationData.SSZ, IndexedAttestation::data),
            field("signature", ConsensusSsz.BLS_SIGNATURE, IndexedAttestation::signature));
  }

  /**
   * {@code Attestation {aggregation_bits: Bitlist[MAX_VALIDATORS_PER_COMMITTEE], data, signature}}.
   */
  public ContainerSchema<Attestation> attestation() {
    return attestation;
  }

  /**
   * {@code IndexedAttestation {attesting_indices: List[ValidatorIndex,
   * MAX_VALIDATORS_PER_COMMITTEE], data, signature}}.
   */
  public ContainerSchema<IndexedAttestation> indexedAttestation() {
    return indexedAttestation;
  }
}
