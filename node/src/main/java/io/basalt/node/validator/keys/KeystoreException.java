package io.basalt.node.validator.keys;

/** A keystore that cannot be read, parsed or decrypted; the message is one sentence for users. */
public class KeystoreException extends Exception {

  public KeystoreException(String message) {
    super(message);
  }

  public KeystoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
