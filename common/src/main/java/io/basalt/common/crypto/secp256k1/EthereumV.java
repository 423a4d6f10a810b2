package io.basalt.common.crypto.secp256k1;

import java.math.BigInteger;
import java.util.OptionalLong;

/**
 * The {@code v} value of Ethereum legacy transactions, which packs the recovery id and, since
 * EIP-155, the chain id: {@code v = 27 + recoveryId} before EIP-155, {@code v = 35 + 2 * chainId +
 * recoveryId} after. Only recovery ids 0 and 1 fit; typed (EIP-2718) transactions carry the
 * recovery id directly as {@code yParity}.
 */
public final class EthereumV {

  private static final BigInteger LEGACY_OFFSET = BigInteger.valueOf(27);
  private static final BigInteger EIP155_OFFSET = BigInteger.valueOf(35);

  /**
   * What a {@code v} value encodes.
   *
   * @param recoveryId 0 or 1
   * @param chainId the chain id for an EIP-155 {@code v}; empty for a pre-EIP-155 27 or 28
   */
  public record Decoded(int recoveryId, OptionalLong chainId) {}

  private EthereumV() {}

  /** The pre-EIP-155 {@code v}: 27 or 28. */
  public static BigInteger legacy(int recoveryId) {
    return LEGACY_OFFSET.add(BigInteger.valueOf(checkedParity(recoveryId)));
  }

  /** The EIP-155 {@code v}: {@code 35 + 2 * chainId + recoveryId}. */
  public static BigInteger eip155(int recoveryId, long chainId) {
    if (chainId < 0) {
      throw new IllegalArgumentException("A chain id is not negative, got " + chainId);
    }
    return EIP155_OFFSET
        .add(BigInteger.valueOf(chainId).shiftLeft(1))
        .add(BigInteger.valueOf(checkedParity(recoveryId)));
  }

  /**
   * Splits a {@code v} into recovery id and chain id.
   *
   * @throws IllegalArgumentException for 0 to 26, 29 to 34, a negative {@code v}, or a chain id
   *     beyond a signed 64-bit value
   */
  public static Decoded decode(BigInteger v) {
    if (v.equals(LEGACY_OFFSET) || v.equals(LEGACY_OFFSET.add(BigInteger.ONE))) {
      return new Decoded(v.intValue() - 27, OptionalLong.empty());
    }
    if (v.compareTo(EIP155_OFFSET) < 0) {
      throw new IllegalArgumentException(
          "Invalid signature v " + v + ": expected 27 or 28 (legacy) or at least 35 (EIP-155)");
    }
    BigInteger offset = v.subtract(EIP155_OFFSET);
    BigInteger chainId = offset.shiftRight(1);
    if (chainId.bitLength() > 63) {
      throw new IllegalArgumentException(
          "Invalid signature v " + v + ": its chain id " + chainId + " exceeds 2^63 - 1");
    }
    return new Decoded(offset.testBit(0) ? 1 : 0, OptionalLong.of(chainId.longValueExact()));
  }

  private static int checkedParity(int recoveryId) {
    if (recoveryId != 0 && recoveryId != 1) {
      throw new IllegalArgumentException(
          "Only recovery id 0 or 1 fits in an Ethereum v, got " + recoveryId);
    }
    return recoveryId;
  }
}
