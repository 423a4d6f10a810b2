package io.basalt.execution.trie;

import java.util.Arrays;

/**
 * Keys as nibble arrays (one 4-bit value per byte, high nibble first) and the hex-prefix encoding
 * of a nibble path with its leaf flag (yellow paper, appendix C).
 */
final class Nibbles {

  static final byte[] EMPTY = new byte[0];

  private Nibbles() {}

  static byte[] fromBytes(byte[] key) {
    byte[] nibbles = new byte[key.length * 2];
    for (int i = 0; i < key.length; i++) {
      nibbles[2 * i] = (byte) ((key[i] >> 4) & 0x0f);
      nibbles[2 * i + 1] = (byte) (key[i] & 0x0f);
    }
    return nibbles;
  }

  /** Length of the common prefix of {@code path} and {@code key[from..]}. */
  static int commonPrefix(byte[] path, byte[] key, int from) {
    int max = Math.min(path.length, key.length - from);
    int i = 0;
    while (i < max && path[i] == key[from + i]) {
      i++;
    }
    return i;
  }

  static byte[] slice(byte[] nibbles, int from) {
    return from == 0 ? nibbles : Arrays.copyOfRange(nibbles, from, nibbles.length);
  }

  static byte[] slice(byte[] nibbles, int from, int to) {
    return Arrays.copyOfRange(nibbles, from, to);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static byte[] prepend(int nibble, byte[] path) {
    byte[] out = new byte[path.length + 1];
    out[0] = (byte) nibble;
    System.arraycopy(path, 0, out, 1, path.length);
    return out;
  }

  /** Hex-prefix encoding: flag nibble (2 for a leaf, +1 for odd length), then the path. */
  static byte[] hexPrefix(byte[] path, boolean leaf) {
    boolean odd = (path.length & 1) == 1;
    int flag = (leaf ? 2 : 0) + (odd ? 1 : 0);
    byte[] out = new byte[path.length / 2 + 1];
    int p = 0;
    if (odd) {
      out[0] = (byte) ((flag << 4) | path[0]);
      p = 1;
    } else {
      out[0] = (byte) (flag << 4);
    }
    for (int i = 1; i < out.length; i++, p += 2) {
      out[i] = (byte) ((path[p] << 4) | path[p + 1]);
    }
    return out;
  }

  /** The path of a hex-prefix encoding; {@link #isLeaf} tells its flag. */
  static byte[] fromHexPrefix(byte[] encoded) {
    if (encoded.length == 0) {
      throw new TrieException("Empty hex-prefix path");
    }
    int flag = (encoded[0] >> 4) & 0x0f;
    if (flag > 3) {
      throw new TrieException("Invalid hex-prefix flag " + flag);
    }
    boolean odd = (flag & 1) == 1;
    if (!odd && (encoded[0] & 0x0f) != 0) {
      throw new TrieException("Even hex-prefix path with a non-zero padding nibble");
    }
    byte[] path = new byte[(encoded.length - 1) * 2 + (odd ? 1 : 0)];
    int p = 0;
    if (odd) {
      path[p++] = (byte) (encoded[0] & 0x0f);
    }
    for (int i = 1; i < encoded.length; i++) {
      path[p++] = (byte) ((encoded[i] >> 4) & 0x0f);
      path[p++] = (byte) (encoded[i] & 0x0f);
    }
    return path;
  }

  static boolean isLeaf(byte[] hexPrefixEncoded) {
    return ((hexPrefixEncoded[0] >> 4) & 0x02) != 0;
  }
}
