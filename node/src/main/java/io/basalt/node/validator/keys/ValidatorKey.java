package io.basalt.node.validator.keys;

import io.basalt.common.crypto.bls.BlsPublicKey;
import io.basalt.common.crypto.bls.BlsSecretKey;
import java.util.Objects;

/** A validator's BLS key pair, loaded from a keystore. */
public record ValidatorKey(BlsSecretKey secretKey, BlsPublicKey publicKey) {

  /**
   * @throws IllegalArgumentException if {@code publicKey} is not the public key of {@code
   *     secretKey}
   */
  public ValidatorKey {
    Objects.requireNonNull(secretKey, "secretKey");
    Objects.requireNonNull(publicKey, "publicKey");
    if (!secretKey.publicKey().equals(publicKey)) {
      throw new IllegalArgumentException("Public key " + publicKey + " does not match the secret");
    }
  }

  /** The pair of {@code secretKey}. */
  public static ValidatorKey of(BlsSecretKey secretKey) {
    return new ValidatorKey(secretKey, secretKey.publicKey());
  }
}
