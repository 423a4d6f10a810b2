/**
 * Byte-level encodings shared by the libp2p protocols: multiformats unsigned varints and
 * varint-length-prefixed frames, with a Netty decoder for the frames.
 */
package io.basalt.networking.encoding;
