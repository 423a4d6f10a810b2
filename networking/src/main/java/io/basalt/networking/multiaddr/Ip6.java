package io.basalt.networking.multiaddr;

/**
 * IPv6 text (RFC 4291 section 2.2, including {@code ::} and a trailing dotted IPv4 part), parsed by
 * hand so that nothing is resolved; printed in the RFC 5952 canonical form.
 */
final class Ip6 {

  private Ip6() {}

  static byte[] parse(String text) {
    if (text.isEmpty() || text.length() > 45) {
      throw invalid(text);
    }
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      throw invalid(text);
    }
    if (gap >= 0 && text.substring(0, gap).contains(".")) {
      throw invalid(text); // a dotted IPv4 part may only end the address
    }
    int[] head = groups(gap >= 0 ? text.substring(0, gap) : text, text);
    int[] tail = gap >= 0 ? groups(text.substring(gap + 2), text) : new int[0];
    int total = head.length + tail.length;
    if ((gap < 0 && total != 8) || (gap >= 0 && total > 7)) {
      throw invalid(text);
    }
    int[] all = new int[8];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(tail, 0, all, 8 - tail.length, tail.length);
    byte[] out = new byte[16];
    for (int i = 0; i < 8; i++) {
      out[2 * i] = (byte) (all[i] >> 8);
      out[2 * i + 1] = (byte) all[i];
    }
    return out;
  }

  /** The 16-bit groups of a colon-separated run; a final dotted IPv4 part counts as two. */
  private static int[] groups(String run, String text) {
    if (run.isEmpty()) {
      return new int[0];
    }
    String[] parts = run.split(":", -1);
    boolean ip4Tail = parts[parts.length - 1].contains(".");
    int[] out = new int[parts.length + (ip4Tail ? 1 : 0)];
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (ip4Tail && i == parts.length - 1) {
        byte[] v4;
        try {
          v4 = Ip4.parse(part);
        } catch (MultiaddrException e) {
          throw invalid(text);
        }
        out[i] = ((v4[0] & 0xFF) << 8) | (v4[1] & 0xFF);
        out[i + 1] = ((v4[2] & 0xFF) << 8) | (v4[3] & 0xFF);
      } else {
        if (part.isEmpty() || part.length() > 4 || !part.chars().allMatch(Ip6::isHex)) {
          throw invalid(text);
        }
        out[i] = Integer.parseInt(part, 16);
      }
    }
    return out;
  }

  private static boolean isHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  static String format(byte[] address) {
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((address[2 * i] & 0xFF) << 8) | (address[2 * i + 1] & 0xFF);
    }
    // RFC 5952: the longest run of two or more zero groups (the first on a tie) becomes "::".
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int start = i;
      while (i < 8 && groups[i] == 0) {
        i++;
      }
      if (i - start > bestLength) {
        bestStart = start;
        bestLength = i - start;
      }
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    return out.toString();
  }

  private static MultiaddrException invalid(String text) {
    return new MultiaddrException("Invalid IPv6 address '" + text + "'");
  }
}
