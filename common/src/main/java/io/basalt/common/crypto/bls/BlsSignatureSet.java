package io.basalt.common.crypto.bls;

import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;

/**
 * One signature to check: {@code signature} over {@code message} by the sum of {@code publicKeys}
 * (one key for a plain signature, several for an aggregate over one message).
 *
 * <p>Sets are built by the code that knows what was signed and handed to a {@link
 * BlsSignatureVerifier}, so the same processing code runs with a simple, batching or no-op
 * verifier. The key list is copied and must not be empty.
 */
public record BlsSignatureSet(
    List<BlsPublicKey> publicKeys, Bytes message, BlsSignature signature) {

  public BlsSignatureSet {
    publicKeys = List.copyOf(publicKeys);
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(signature, "signature");
    if (publicKeys.isEmpty()) {
      throw new IllegalArgumentException("A signature set needs at least one public key");
    }
  }

  /** A set for a plain signature by one key. */
  public static BlsSignatureSet single(BlsPublicKey publicKey, Bytes message, BlsSignature sig) {
    return new BlsSignatureSet(List.of(publicKey), message, sig);
  }

  /** A set for an aggregate signature of several keys over one message. */
  public static BlsSignatureSet aggregate(
      List<BlsPublicKey> publicKeys, Bytes message, BlsSignature signature) {
    return new BlsSignatureSet(publicKeys, message, signature);
  }

  /** Verifies this set alone (FastAggregateVerify, plain Verify for one key). */
  public boolean verify() {
    return Bls.fastAggregateVerify(publicKeys, message, signature);
  }
}
