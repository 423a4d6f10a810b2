package io.basalt.execution.transaction;

import io.basalt.common.crypto.secp256k1.EthereumV;
import io.basalt.common.crypto.secp256k1.RecoveryResult;
import io.basalt.common.crypto.secp256k1.SecpCurve;
import io.basalt.common.crypto.secp256k1.SecpEcdsa;
import io.basalt.common.crypto.secp256k1.SecpSignature;
import io.basalt.common.types.Address;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Recovers the sender of a transaction from its signature, with the checks Ethereum clients apply
 * to transaction signatures (geth {@code ValidateSignatureValues} with homestead rules): r and s in
 * [1, N-1], s at most N/2 (EIP-2), and a recovery id of 0 or 1 (legacy v 27/28 or {@code 35 + 2 *
 * chainId + {0,1}}; type-2 yParity 0 or 1).
 *
 * <p>The chain id is not compared here: the signing hash commits to the transaction's own chain id,
 * and {@link TransactionValidator} checks it is this shard's. Stateless and thread-safe; this is
 * the expensive step (one ECDSA recovery), so block import runs it in parallel.
 */
public final class SenderRecovery {

  private SenderRecovery() {}

  /** Recovers with {@link SecpEcdsa#getDefault()}. */
  public static SenderResult recover(Transaction tx) {
    return recover(tx, SecpEcdsa.getDefault());
  }

  public static SenderResult recover(Transaction tx, SecpEcdsa ecdsa) {
    Optional<Integer> recoveryId = recoveryId(tx);
    if (recoveryId.isEmpty()) {
      return invalidSignature(
          tx instanceof LegacyTransaction legacy
              ? "v " + legacy.v() + " is neither 27/28 nor 35 + 2 * chainId + {0, 1}"
              : "yParity must be 0 or 1");
    }
    if (!hasValidScalars(tx)) {
      return invalidSignature("r must be in [1, N-1] and s in [1, N/2] (EIP-2 low s)");
    }
    SecpSignature signature = new SecpSignature(tx.r(), tx.s(), recoveryId.get());
    RecoveryResult result = ecdsa.recoverPublicKey(tx.signingHash(), signature);
    return switch (result) {
      case RecoveryResult.Recovered recovered ->
          new SenderResult.Recovered(Address.fromPublicKey(recovered.key()));
      case RecoveryResult.Failed failed ->
          new SenderResult.Invalid(TxRejection.INVALID_SENDER, failed.reason().message());
    };
  }

  /** The recovery id (0 or 1) the signature's v or yParity encodes, if it is a valid one. */
  static Optional<Integer> recoveryId(Transaction tx) {
    return switch (tx) {
      case LegacyTransaction legacy -> {
        try {
          yield Optional.of(EthereumV.decode(legacy.v()).recoveryId());
        } catch (IllegalArgumentException e) {
          yield Optional.empty(); // v below 35 and not 27/28, or a chain id past 2^63 - 1
        }
      }
      case Eip1559Transaction typed ->
          typed.yParity().compareTo(BigInteger.ONE) <= 0
              ? Optional.of(typed.yParity().intValue())
              : Optional.empty();
    };
  }

  /** Whether r is in [1, N-1] and s in [1, N/2], as EIP-2 requires of transactions. */
  static boolean hasValidScalars(Transaction tx) {
    return tx.r().signum() > 0
        && tx.r().compareTo(SecpCurve.N) < 0
        && tx.s().signum() > 0
        && tx.s().compareTo(SecpCurve.HALF_N) <= 0;
  }

  private static SenderResult invalidSignature(String detail) {
    return new SenderResult.Invalid(TxRejection.INVALID_SIGNATURE, detail);
  }
}
