package io.basalt.networking.multiaddr;

import io.basalt.networking.identity.KeyFormatException;
import io.basalt.networking.identity.PeerId;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Converts each protocol's value between its text and binary forms, validating both ways. */
final class ValueCodec {

  /** DNS names are at most 253 characters; a bound on what a peer can make us hold. */
  static final int MAX_DNS_LENGTH = 255;

  private ValueCodec() {}

  static byte[] fromText(Protocol protocol, String text) {
    return switch (protocol) {
      case IP4 -> Ip4.parse(text);
      case IP6 -> Ip6.parse(text);
      case TCP, UDP -> port(protocol, text);
      case DNS, DNS4, DNS6 -> dnsName(protocol, text);
      case P2P -> peerId(text).toBytes();
      case QUIC_V1 -> {
        if (!text.isEmpty()) {
          throw new MultiaddrException("/quic-v1 takes no value");
        }
        yield new byte[0];
      }
    };
  }

  /** Validates a binary value read from the wire (its length already checked). */
  static void checkBinary(Protocol protocol, byte[] value) {
    switch (protocol) {
      case DNS, DNS4, DNS6 -> dnsName(protocol, utf8(protocol, value));
      case P2P -> {
        try {
          PeerId.fromBytes(value);
        } catch (KeyFormatException e) {
          throw new MultiaddrException("Invalid /p2p value: " + e.getMessage(), e);
        }
      }
      default -> {
        // fixed-size values: every bit pattern is valid
      }
    }
  }

  static String toText(Protocol protocol, byte[] value) {
    return switch (protocol) {
      case IP4 -> Ip4.format(value);
      case IP6 -> Ip6.format(value);
      case TCP, UDP -> Integer.toString(((value[0] & 0xFF) << 8) | (value[1] & 0xFF));
      case DNS, DNS4, DNS6 -> new String(value, StandardCharsets.UTF_8);
      case P2P -> PeerId.fromBytes(value).toBase58();
      case QUIC_V1 -> "";
    };
  }

  private static byte[] port(Protocol protocol, String text) {
    if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new MultiaddrException("Invalid /" + protocol.label() + " port '" + text + "'");
    }
    int port = Integer.parseInt(text);
    if (port > 65535) {
      throw new MultiaddrException("Port " + port + " is above 65535");
    }
    return new byte[] {(byte) (port >> 8), (byte) port};
  }

  private static byte[] dnsName(Protocol protocol, String text) {
    if (text.isEmpty() || text.contains("/")) {
      throw new MultiaddrException("Invalid /" + protocol.label() + " name '" + text + "'");
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_DNS_LENGTH) {
      throw new MultiaddrException("DNS name of " + bytes.length + " bytes is too long");
    }
    return bytes;
  }

  private static String utf8(Protocol protocol, byte[] value) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(value))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MultiaddrException("/" + protocol.label() + " value is not UTF-8", e);
    }
  }

  private static PeerId peerId(String text) {
    try {
      return PeerId.fromString(text);
    } catch (KeyFormatException e) {
      throw new MultiaddrException("Invalid /p2p peer id '" + text + "': " + e.getMessage(), e);
    }
  }
}
