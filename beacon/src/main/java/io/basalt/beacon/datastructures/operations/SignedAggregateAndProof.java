package io.basalt.beacon.datastructures.operations;

import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;

/** An aggregate-and-proof signed by the aggregator. Schema: {@code BeaconSchemas}. */
public record SignedAggregateAndProof(AggregateAndProof message, Bytes signature) {

  public SignedAggregateAndProof {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(signature, "signature");
  }
}
