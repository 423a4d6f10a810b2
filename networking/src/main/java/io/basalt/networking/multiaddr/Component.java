package io.basalt.networking.multiaddr;

import java.util.Arrays;

/**
 * One {@code /protocol/value} part of a multiaddr. The value is held in its binary form (without
 * the length prefix of variable-size values) and was validated when the component was built.
 */
public final class Component {

  private final Protocol protocol;
  private final byte[] value;

  Component(Protocol protocol, byte[] value) {
    this.protocol = protocol;
    this.value = value;
  }

  /**
   * The component for {@code protocol} with its text value (empty for protocols without one).
   *
   * @throws MultiaddrException if the value is invalid for the protocol
   */
  public static Component of(Protocol protocol, String value) {
    return new Component(protocol, ValueCodec.fromText(protocol, value));
  }

  public Protocol protocol() {
    return protocol;
  }

  /** The binary value, without a length prefix. */
  public byte[] value() {
    return value.clone();
  }

  /** The text value, e.g. {@code 127.0.0.1}; empty for protocols without a value. */
  public String valueText() {
    return ValueCodec.toText(protocol, value);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Component that
        && protocol == that.protocol
        && Arrays.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return 31 * protocol.hashCode() + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "/" + protocol.label() + (protocol.hasValue() ? "/" + valueText() : "");
  }
}
