package io.basalt.beacon.datastructures.operations;

import io.basalt.consensus.types.IndexedAttestation;
import java.util.Objects;

/**
 * Evidence of two conflicting attestations (double or surround vote); validators in both are
 * slashed. Schema: {@code BeaconSchemas.attesterSlashing()}.
 */
public record AttesterSlashing(IndexedAttestation attestation1, IndexedAttestation attestation2) {

  public AttesterSlashing {
    Objects.requireNonNull(attestation1, "attestation1");
    Objects.requireNonNull(attestation2, "attestation2");
  }
}
