/**
 * libp2p identities: the key protobufs of the peer-ids spec, secp256k1 (Basalt's own keys) and
 * Ed25519 (the js-libp2p default) public keys with signature verification, and {@link
 * io.basalt.networking.identity.PeerId}.
 */
package io.basalt.networking.identity;
