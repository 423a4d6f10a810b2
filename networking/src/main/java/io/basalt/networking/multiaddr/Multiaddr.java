package io.basalt.networking.multiaddr;

import io.basalt.networking.encoding.DecodingException;
import io.basalt.networking.encoding.UnsignedVarint;
import io.basalt.networking.identity.PeerId;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A multiaddr such as {@code /ip4/127.0.0.1/tcp/9000/p2p/16Uiu2…}: a sequence of protocol
 * components with a text form ({@code /label/value…}) and a binary form ({@code varint(code) ||
 * value…}, variable-size values prefixed by their varint length).
 *
 * <p>Immutable; equal when the binary forms are equal ({@code /ipfs/} parses to {@code /p2p/}).
 */
public final class Multiaddr {

  /** Bound on the binary form a peer can make us parse (bootnode lists, identify). */
  public static final int MAX_BINARY_LENGTH = 1024;

  private final List<Component> components;

  private Multiaddr(List<Component> components) {
    this.components = List.copyOf(components);
  }

  public static Multiaddr of(List<Component> components) {
    return new Multiaddr(components);
  }

  /**
   * Parses the text form.
   *
   * @throws MultiaddrException naming the first problem: no leading {@code /}, an unknown protocol,
   *     a missing or invalid value
   */
  public static Multiaddr parse(String text) {
    if (text.length() > 4 * MAX_BINARY_LENGTH) {
      throw new MultiaddrException("Multiaddr text of " + text.length() + " chars is too long");
    }
    if (!text.startsWith("/")) {
      throw new MultiaddrException("A multiaddr starts with '/': '" + text + "'");
    }
    String[] parts = text.substring(1).split("/", -1);
    int end = parts.length;
    if (end > 1 && parts[end - 1].isEmpty()) {
      end--; // one trailing slash is tolerated, as go-multiaddr does
    }
    List<Component> components = new ArrayList<>();
    for (int i = 0; i < end; ) {
      String label = parts[i++];
      Protocol protocol =
          Protocol.byLabel(label)
              .orElseThrow(
                  () -> new MultiaddrException("Unknown multiaddr protocol '" + label + "'"));
      String value = "";
      if (protocol.hasValue()) {
        if (i >= end) {
          throw new MultiaddrException("/" + label + " needs a value");
        }
        value = parts[i++];
      }
      components.add(Component.of(protocol, value));
    }
    if (components.isEmpty()) {
      throw new MultiaddrException("Empty multiaddr");
    }
    return new Multiaddr(components);
  }

  /**
   * Parses the binary form.
   *
   * @throws MultiaddrException if it is empty, too long, truncated, names an unknown protocol or
   *     holds an invalid value
   */
  public static Multiaddr fromBytes(byte[] bytes) {
    if (bytes.length == 0 || bytes.length > MAX_BINARY_LENGTH) {
      throw new MultiaddrException("Binary multiaddr of " + bytes.length + " bytes");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    List<Component> components = new ArrayList<>();
    while (in.hasRemaining()) {
      long code = readVarint(in);
      Protocol protocol =
          Protocol.byCode(code)
              .orElseThrow(() -> new MultiaddrException("Unknown multiaddr protocol code " + code));
      long size = protocol.size() == Protocol.VARIABLE ? readVarint(in) : protocol.size();
      if (size > in.remaining()) {
        throw new MultiaddrException(
            "/" + protocol.label() + " value of " + size + " bytes, " + in.remaining() + " left");
      }
      byte[] value = new byte[(int) size];
      in.get(value);
      ValueCodec.checkBinary(protocol, value);
      components.add(new Component(protocol, value));
    }
    return new Multiaddr(components);
  }

  private static long readVarint(ByteBuffer in) {
    long value;
    try {
      value = UnsignedVarint.read(in);
    } catch (DecodingException e) {
      throw new MultiaddrException("Malformed varint in multiaddr: " + e.getMessage(), e);
    }
    if (value == UnsignedVarint.INCOMPLETE) {
      throw new MultiaddrException("Truncated multiaddr");
    }
    return value;
  }

  public byte[] toBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Component component : components) {
      out.writeBytes(UnsignedVarint.encode(component.protocol().code()));
      byte[] value = component.value();
      if (component.protocol().size() == Protocol.VARIABLE) {
        out.writeBytes(UnsignedVarint.encode(value.length));
      }
      out.writeBytes(value);
    }
    return out.toByteArray();
  }

  public List<Component> components() {
    return components;
  }

  /** The value of the first component of {@code protocol}, in text form. */
  public Optional<String> valueOf(Protocol protocol) {
    return components.stream()
        .filter(c -> c.protocol() == protocol)
        .findFirst()
        .map(Component::valueText);
  }

  /** The peer id of the last component when it is {@code /p2p}. */
  public Optional<PeerId> peerId() {
    Component last = components.get(components.size() - 1);
    return last.protocol() == Protocol.P2P
        ? Optional.of(PeerId.fromBytes(last.value()))
        : Optional.empty();
  }

  /** This address with {@code /p2p/<peerId>} appended. */
  public Multiaddr withPeerId(PeerId peerId) {
    List<Component> extended = new ArrayList<>(components);
    extended.add(new Component(Protocol.P2P, peerId.toBytes()));
    return new Multiaddr(extended);
  }

  /** This address without a trailing {@code /p2p} component (the transport part to dial). */
  public Multiaddr withoutPeerId() {
    return peerId().isPresent() && components.size() > 1
        ? new Multiaddr(components.subList(0, components.size() - 1))
        : this;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Multiaddr that && components.equals(that.components);
  }

  @Override
  public int hashCode() {
    return components.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    components.forEach(out::append);
    return out.toString();
  }
}
