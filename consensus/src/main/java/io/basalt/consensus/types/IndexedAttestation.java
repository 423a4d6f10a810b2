package io.basalt.consensus.types;

import io.basalt.common.types.ValidatorIndex;
import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;

/**
 * An attestation with its signers named by validator index rather than committee position, as
 * slashings carry them; a valid one has its indices sorted and unique. Schema: {@link
 * AttestationSchemas#indexedAttestation()}.
 */
public record IndexedAttestation(
    List<ValidatorIndex> attestingIndices, AttestationData data, Bytes signature) {

  public IndexedAttestation {
    attestingIndices = List.copyOf(attestingIndices);
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(signature, "signature");
  }
}
