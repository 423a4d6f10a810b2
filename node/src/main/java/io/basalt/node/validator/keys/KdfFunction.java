package io.basalt.node.validator.keys;

/** The key-derivation functions EIP-2335 defines, by their {@code kdf.function} name. */
public enum KdfFunction {
  SCRYPT("scrypt"),
  PBKDF2("pbkdf2");

  private final String jsonName;

  KdfFunction(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The {@code kdf.function} value. */
  public String jsonName() {
    return jsonName;
  }
}
