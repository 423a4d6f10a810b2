package io.basalt.consensus.types;

import io.basalt.common.ssz.Bits;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;

/**
 * An aggregate vote: bit {@code i} of {@code aggregationBits} is set when member {@code i} of the
 * committee of {@code (data.slot, data.shard)} signed {@code data}; {@code signature} is the
 * aggregate BLS signature (96 bytes). Its SSZ schema depends on {@code
 * MAX_VALIDATORS_PER_COMMITTEE}: see {@link AttestationSchemas#attestation()}.
 */
public record Attestation(Bits aggregationBits, AttestationData data, Bytes signature) {

  public Attestation {
    Objects.requireNonNull(aggregationBits, "aggregationBits");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(signature, "signature");
  }
}
