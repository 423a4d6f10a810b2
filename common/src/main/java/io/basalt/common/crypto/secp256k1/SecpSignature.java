package io.basalt.common.crypto.secp256k1;

import java.math.BigInteger;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.bouncycastle.util.BigIntegers;

/**
 * An ECDSA secp256k1 signature with its recovery id.
 *
 * <p>{@code r} and {@code s} are in [1, N-1]; {@code recoveryId} is in [0, 3]: bit 0 is the parity
 * of the y-coordinate of the nonce point R, bit 1 says R's x-coordinate was {@code r + N} (so rare
 * that Ethereum's v only carries bit 0).
 *
 * <p><b>High s.</b> For every signature (r, s) the pair (r, N - s) is valid too. Since EIP-2
 * (homestead) Ethereum rejects transaction signatures with {@code s > N/2}; the signers here only
 * produce low-s signatures, but recovery and verification accept either half so that callers can
 * also check pre-homestead data or the {@code ecrecover} precompile (which takes any s). Code that
 * validates transactions must therefore call {@link #isCanonical()} itself.
 */
public record SecpSignature(BigInteger r, BigInteger s, int recoveryId) {

  /**
   * @throws IllegalArgumentException if r or s is outside [1, N-1] or the recovery id outside [0,
   *     3]
   */
  public SecpSignature {
    Objects.requireNonNull(r, "r");
    Objects.requireNonNull(s, "s");
    RecoveryError.check(r, s, recoveryId)
        .ifPresent(
            error -> {
              throw new IllegalArgumentException(error.message());
            });
  }

  /**
   * Parses the 65-byte {@code r || s || recoveryId} form (the last byte 0..3, not 27/28).
   *
   * @throws IllegalArgumentException if the length or a component is invalid
   */
  public static SecpSignature fromBytes(Bytes encoded) {
    if (encoded.size() != 65) {
      throw new IllegalArgumentException(
          "A recoverable secp256k1 signature is 65 bytes (r || s || recovery id), got "
              + encoded.size());
    }
    return new SecpSignature(
        encoded.slice(0, 32).toUnsignedBigInteger(),
        encoded.slice(32, 32).toUnsignedBigInteger(),
        encoded.get(64) & 0xff);
  }

  /** The 65 bytes {@code r || s || recoveryId}, each scalar 32 bytes big-endian. */
  public Bytes toBytes() {
    return Bytes.concatenate(rBytes(), sBytes(), Bytes.of(recoveryId));
  }

  /** The 64 bytes {@code r || s} (libsecp256k1's compact form), without the recovery id. */
  public Bytes toCompactBytes() {
    return Bytes.concatenate(rBytes(), sBytes());
  }

  public Bytes32 rBytes() {
    return Bytes32.wrap(BigIntegers.asUnsignedByteArray(32, r));
  }

  public Bytes32 sBytes() {
    return Bytes32.wrap(BigIntegers.asUnsignedByteArray(32, s));
  }

  /** Whether {@code s <= N/2}, the EIP-2 rule every Ethereum transaction signature must meet. */
  public boolean isCanonical() {
    return s.compareTo(SecpCurve.HALF_N) <= 0;
  }

  /**
   * The low-s twin of this signature: {@code (r, N - s)} with the y-parity bit flipped, which
   * recovers the same key; this signature itself if it is already canonical.
   */
  public SecpSignature normalized() {
    return isCanonical() ? this : new SecpSignature(r, SecpCurve.N.subtract(s), recoveryId ^ 1);
  }
}
