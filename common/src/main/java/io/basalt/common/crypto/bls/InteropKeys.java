package io.basalt.common.crypto.bls;

import io.basalt.common.crypto.Hash;
import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;

/**
 * The insecure, publicly known validator keys Ethereum testnets use for local genesis (eth2.0-pm
 * {@code interop/mocked_start/keygen}): {@code privkey(i) = int.from_bytes(sha256(i.to_bytes(32,
 * "little")), "little") % CURVE_ORDER}.
 *
 * <p>Never use these keys for anything of value: anyone can compute them.
 */
public final class InteropKeys {

  private InteropKeys() {}

  /**
   * The interop secret key of validator {@code index}.
   *
   * @throws IllegalArgumentException if the index is negative
   */
  public static BlsSecretKey secretKey(long index) {
    if (index < 0) {
      throw new IllegalArgumentException("Interop key index must not be negative: " + index);
    }
    byte[] indexLittleEndian = Bytes.ofUnsignedLong(index).reverse().toArray();
    byte[] padded = new byte[32];
    System.arraycopy(indexLittleEndian, 0, padded, 0, 8);
    Bytes digest = Bytes.wrap(Hash.sha256(padded));
    BigInteger value = digest.reverse().toUnsignedBigInteger().mod(BlsSecretKey.CURVE_ORDER);
    return BlsSecretKey.fromScalar(value);
  }
}
