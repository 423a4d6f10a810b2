package io.basalt.networking.noise;

import java.util.List;

/**
 * The optional {@code NoiseExtensions} of the libp2p handshake payload: WebTransport certificate
 * hashes (field 1) and the stream muxers offered for early muxer negotiation (field 2).
 */
public record NoiseExtensions(List<byte[]> webtransportCerthashes, List<String> streamMuxers) {

  public static final NoiseExtensions NONE = new NoiseExtensions(List.of(), List.of());

  public NoiseExtensions {
    webtransportCerthashes = webtransportCerthashes.stream().map(byte[]::clone).toList();
    streamMuxers = List.copyOf(streamMuxers);
  }

  public boolean isEmpty() {
    return webtransportCerthashes.isEmpty() && streamMuxers.isEmpty();
  }
}
