package io.basalt.node.validator.keys;

/**
 * Work factor of a new keystore's KDF. Decryption always reads the parameters from the file, so
 * this only matters when writing.
 */
public enum KdfStrength {
  /** EIP-2335's example parameters (scrypt n = 2^18, pbkdf2 c = 2^18): for real keys. */
  STANDARD(262_144, 262_144),
  /** Scrypt n = 2^14, pbkdf2 c = 2^14: local test networks that write hundreds of keystores. */
  LIGHT(16_384, 16_384);

  private final int scryptN;
  private final int pbkdf2C;

  KdfStrength(int scryptN, int pbkdf2C) {
    this.scryptN = scryptN;
    this.pbkdf2C = pbkdf2C;
  }

  public int scryptN() {
    return scryptN;
  }

  public int pbkdf2C() {
    return pbkdf2C;
  }
}
