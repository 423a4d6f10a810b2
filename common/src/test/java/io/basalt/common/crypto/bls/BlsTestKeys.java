package io.basalt.common.crypto.bls;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.tuweni.bytes.Bytes;

/** Deterministic keys, messages and off-subgroup points for BLS tests. */
final class BlsTestKeys {

  private BlsTestKeys() {}

  static List<BlsSecretKey> secretKeys(int count) {
    return IntStream.range(0, count).mapToObj(i -> InteropKeys.secretKey(i)).toList();
  }

  static Bytes message(int i) {
    return Bytes.repeat((byte) i, 32);
  }

  /**
   * A compressed encoding of a curve point that is not in the prime-order subgroup: random x
   * coordinates are tried until one decompresses; a random curve point is essentially never in the
   * subgroup, and the caller's assertions would expose the one-in-2^100 exception.
   */
  static Bytes offSubgroupEncoding(int size, long seed) {
    Random random = new Random(seed);
    while (true) {
      byte[] raw = new byte[size];
      random.nextBytes(raw);
      // Compressed flag set, infinity flag clear, and a top byte low enough to stay below p.
      raw[0] = (byte) (0x80 | (raw[0] & 0x0f));
      try {
        if (size == 48) {
          new supranational.blst.P1_Affine(raw);
        } else {
          new supranational.blst.P2_Affine(raw);
        }
        return Bytes.wrap(raw);
      } catch (RuntimeException notOnCurve) {
        // try the next x
      }
    }
  }
}
