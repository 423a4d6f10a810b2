package io.basalt.common.crypto.secp256k1;

import java.util.Optional;

/** The outcome of public-key recovery: the key, or the reason there is none. */
public sealed interface RecoveryResult {

  /** The recovered key, or empty when recovery failed. */
  Optional<SecpPublicKey> publicKey();

  /** The reason recovery failed, or empty when it succeeded. */
  Optional<RecoveryError> error();

  static RecoveryResult recovered(SecpPublicKey publicKey) {
    return new Recovered(publicKey);
  }

  static RecoveryResult failed(RecoveryError error) {
    return new Failed(error);
  }

  /** Recovery succeeded. */
  record Recovered(SecpPublicKey key) implements RecoveryResult {
    @Override
    public Optional<SecpPublicKey> publicKey() {
      return Optional.of(key);
    }

    @Override
    public Optional<RecoveryError> error() {
      return Optional.empty();
    }
  }

  /** Recovery failed for {@code reason}. */
  record Failed(RecoveryError reason) implements RecoveryResult {
    @Override
    public Optional<SecpPublicKey> publicKey() {
      return Optional.empty();
    }

    @Override
    public Optional<RecoveryError> error() {
      return Optional.of(reason);
    }
  }
}
