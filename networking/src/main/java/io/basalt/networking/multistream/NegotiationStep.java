package io.basalt.networking.multistream;

import java.util.Optional;

/**
 * What one call into a {@link MultistreamNegotiator} produced.
 *
 * @param output bytes to send to the peer now (possibly empty)
 * @param protocol the agreed protocol, once negotiation is complete
 * @param remaining bytes received after the last negotiation message; they belong to the agreed
 *     protocol (a peer may pipeline its first protocol message behind the negotiation)
 */
public record NegotiationStep(byte[] output, Optional<String> protocol, byte[] remaining) {

  public boolean isComplete() {
    return protocol.isPresent();
  }
}
