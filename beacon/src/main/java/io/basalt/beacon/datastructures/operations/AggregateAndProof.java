package io.basalt.beacon.datastructures.operations;

import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.types.Attestation;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;

/**
 * An aggregate published by a selected aggregator, with its selection proof (the aggregator's
 * signature over the slot). Schema: {@code BeaconSchemas.aggregateAndProof()}.
 */
public record AggregateAndProof(
    ValidatorIndex aggregatorIndex, Attestation aggregate, Bytes selectionProof) {

  public AggregateAndProof {
    Objects.requireNonNull(aggregatorIndex, "aggregatorIndex");
    Objects.requireNonNull(aggregate, "aggregate");
    Objects.requireNonNull(selectionProof, "selectionProof");
  }
}
