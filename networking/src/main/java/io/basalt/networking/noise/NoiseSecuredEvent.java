package io.basalt.networking.noise;

import io.basalt.networking.identity.PeerId;

/**
 * Fired down the pipeline by {@link NoiseHandler} when the handshake completes; from then on
 * inbound and outbound bytes are plaintext for the handlers after it.
 */
public record NoiseSecuredEvent(PeerId remotePeerId, NoiseExtensions remoteExtensions) {}
