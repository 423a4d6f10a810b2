package io.basalt.networking.identity;

/**
 * A well-formed key of a type Basalt does not accept from peers (RSA, ECDSA): such peers are
 * refused rather than half-supported.
 */
public final class UnsupportedKeyTypeException extends KeyFormatException {

  private final KeyType keyType;

  public UnsupportedKeyTypeException(KeyType keyType) {
    super(
        "libp2p "
            + keyType
            + " keys are not supported; Basalt accepts secp256k1 and Ed25519 identities");
    this.keyType = keyType;
  }

  public KeyType keyType() {
    return keyType;
  }
}
