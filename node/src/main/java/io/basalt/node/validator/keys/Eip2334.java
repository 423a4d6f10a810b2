package io.basalt.node.validator.keys;

import java.util.ArrayList;
import java.util.List;

/** EIP-2334 key paths: {@code m/12381/3600/<i>/0/0} is validator {@code i}'s signing key. */
public final class Eip2334 {

  private Eip2334() {}

  /** The signing-key path of validator {@code index}. */
  public static String signingKeyPath(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("Validator index must not be negative: " + index);
    }
    return "m/12381/3600/" + index + "/0/0";
  }

  /** The keystore file stem of validator {@code index}: the path with '/' as '_'. */
  public static String keystoreName(int index) {
    return "keystore-" + signingKeyPath(index).replace('/', '_');
  }

  /**
   * The child indices of {@code path} ({@code m} followed by {@code /}-separated decimal indices
   * below 2^32).
   *
   * @throws IllegalArgumentException naming the path if it is malformed
   */
  public static List<Long> parse(String path) {
    String[] parts = path.split("/", -1);
    if (!parts[0].equals("m")) {
      throw new IllegalArgumentException("Key path '" + path + "' must start with 'm'");
    }
    List<Long> indices = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      try {
        long value = Long.parseLong(parts[i]);
        if (value < 0 || value > 0xFFFF_FFFFL || !parts[i].matches("[0-9]+")) {
          throw new NumberFormatException();
        }
        indices.add(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "Key path '" + path + "': '" + parts[i] + "' is not an index below 2^32", e);
      }
    }
    return indices;
  }
}
