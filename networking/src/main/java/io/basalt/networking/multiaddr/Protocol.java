package io.basalt.networking.multiaddr;

import java.util.Optional;

/**
 * The multiaddr protocols Basalt reads and writes, with their multicodec codes and value sizes
 * (from the multiformats protocols table).
 */
public enum Protocol {
  IP4(4, "ip4", 4),
  TCP(6, "tcp", 2),
  UDP(273, "udp", 2),
  DNS(53, "dns", Protocol.VARIABLE),
  DNS4(54, "dns4", Protocol.VARIABLE),
  DNS6(55, "dns6", Protocol.VARIABLE),
  IP6(41, "ip6", 16),
  P2P(421, "p2p", Protocol.VARIABLE),
  QUIC_V1(0x01cc, "quic-v1", 0);

  /** The value size of protocols whose value is varint-length-prefixed. */
  public static final int VARIABLE = -1;

  private final int code;
  private final String label;
  private final int size;

  Protocol(int code, String label, int size) {
    this.code = code;
    this.label = label;
    this.size = size;
  }

  public int code() {
    return code;
  }

  /** The name in the text form, e.g. {@code ip4}. */
  public String label() {
    return label;
  }

  /** Bytes of the binary value: fixed, 0 for none, or {@link #VARIABLE}. */
  public int size() {
    return size;
  }

  public boolean hasValue() {
    return size != 0;
  }

  public static Optional<Protocol> byCode(long code) {
    for (Protocol protocol : values()) {
      if (protocol.code == code) {
        return Optional.of(protocol);
      }
    }
    return Optional.empty();
  }

  /** By text name; {@code ipfs} is the historical name of {@code p2p}. */
  public static Optional<Protocol> byLabel(String label) {
    if (label.equals("ipfs")) {
      return Optional.of(P2P);
    }
    for (Protocol protocol : values()) {
      if (protocol.label.equals(label)) {
        return Optional.of(protocol);
      }
    }
    return Optional.empty();
  }
}
