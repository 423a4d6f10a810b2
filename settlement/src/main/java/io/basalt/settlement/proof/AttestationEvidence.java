package io.basalt.settlement.proof;

import io.basalt.common.ssz.Bits;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.types.AttestationData;
import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;

/**
 * One aggregate attestation as a block carried it, with the committee it was made by: bit {@code i}
 * of {@code aggregationBits} set means {@code committee[i]} signed {@code data}. The committee is
 * given, not recomputed (a client has no shuffling seed); it is sound because the aggregate
 * signature is checked against exactly those validators' keys, so only validators that really
 * signed {@code data} are counted.
 */
public record AttestationEvidence(
    AttestationData data, Bits aggregationBits, Bytes signature, List<ValidatorIndex> committee) {

  public AttestationEvidence {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(aggregationBits, "aggregationBits");
    Objects.requireNonNull(signature, "signature");
    committee = List.copyOf(committee);
  }
}
