package io.basalt.networking.multiaddr;

/** Dotted-decimal IPv4 text, parsed by hand so that a host name is never resolved. */
final class Ip4 {

  private Ip4() {}

  static byte[] parse(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      throw invalid(text);
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      String part = parts[i];
      // No leading zeros: "010" is octal to some parsers and decimal to others.
      if (part.isEmpty()
          || part.length() > 3
          || (part.length() > 1 && part.charAt(0) == '0')
          || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw invalid(text);
      }
      int value = Integer.parseInt(part);
      if (value > 255) {
        throw invalid(text);
      }
      out[i] = (byte) value;
    }
    return out;
  }

  static String format(byte[] address) {
    return (address[0] & 0xFF)
        + "."
        + (address[1] & 0xFF)
        + "."
        + (address[2] & 0xFF)
        + "."
        + (address[3] & 0xFF);
  }

  private static MultiaddrException invalid(String text) {
    return new MultiaddrException("Invalid IPv4 address '" + text + "'");
  }
}
