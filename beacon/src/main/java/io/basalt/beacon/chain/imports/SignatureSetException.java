package io.basalt.beacon.chain.imports;

/** A signature set of a block cannot be built: unknown signer, bad key or malformed operation. */
public final class SignatureSetException extends Exception {

  public SignatureSetException(String message) {
    super(message);
  }
}
