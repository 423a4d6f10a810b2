package io.basalt.consensus.helpers;

import io.basalt.common.crypto.Hash;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The two hashes of one swap-or-not round, shared by the per-index and the whole-list shuffle so
 * both read the same bytes: the round's pivot and the source bits for a block of 256 positions.
 */
final class SwapOrNot {

  /** Positions whose swap bits come from one source hash. */
  static final int POSITIONS_PER_SOURCE = 256;

  private SwapOrNot() {}

  /**
   * {@code bytes_to_uint64(hash(seed + uint_to_bytes(uint8(round)))[0:8]) % indexCount}, the 8-byte
   * prefix read little-endian and unsigned.
   */
  static int pivot(Bytes32 seed, int round, int indexCount) {
    byte[] input = new byte[33];
    System.arraycopy(seed.toArrayUnsafe(), 0, input, 0, 32);
    input[32] = (byte) round;
    byte[] hash = Hash.sha256(input);
    long prefix = 0;
    for (int i = 7; i >= 0; i--) {
      prefix = (prefix << 8) | (hash[i] & 0xFFL);
    }
    return (int) Long.remainderUnsigned(prefix, indexCount);
  }

  /**
   * {@code hash(seed + uint_to_bytes(uint8(round)) + uint_to_bytes(uint32(block)))}, whose 256 bits
   * decide the swaps of positions {@code 256 * block .. 256 * block + 255}.
   */
  static byte[] source(Bytes32 seed, int round, int block) {
    byte[] input = new byte[37];
    System.arraycopy(seed.toArrayUnsafe(), 0, input, 0, 32);
    input[32] = (byte) round;
    input[33] = (byte) block;
    input[34] = (byte) (block >>> 8);
    input[35] = (byte) (block >>> 16);
    input[36] = (byte) (block >>> 24);
    return Hash.sha256(input);
  }

  /** {@code (source[(position % 256) // 8] >> (position % 8)) % 2 == 1}. */
  static boolean bit(byte[] source, int position) {
    return bitValue(source, position) == 1;
  }

  /** {@code (source[(position % 256) // 8] >> (position % 8)) % 2}, for a non-negative position. */
  static int bitValue(byte[] source, int position) {
    int withinBlock = position & (POSITIONS_PER_SOURCE - 1);
    return (source[withinBlock >>> 3] >> (withinBlock & 7)) & 1;
  }
}
