/**
 * The libp2p Noise secure channel ({@code /noise}): {@code Noise_XX_25519_ChaChaPoly_SHA256} with
 * the libp2p handshake payload, as a pure handshake state machine, the post-handshake session, and
 * a Netty handler. All primitives come from the JDK.
 */
package io.basalt.networking.noise;
