package io.basalt.networking.identity;

/** The {@code KeyType} enum of the libp2p key protobuf, with its wire numbers. */
public enum KeyType {
  RSA(0),
  ED25519(1),
  SECP256K1(2),
  ECDSA(3);

  private final int number;

  KeyType(int number) {
    this.number = number;
  }

  /** The protobuf enum value. */
  public int number() {
    return number;
  }

  /**
   * The type with this wire number.
   *
   * @throws KeyFormatException for a number the spec does not define
   */
  public static KeyType fromNumber(int number) {
    for (KeyType type : values()) {
      if (type.number == number) {
        return type;
      }
    }
    throw new KeyFormatException("Unknown libp2p key type " + number);
  }
}
