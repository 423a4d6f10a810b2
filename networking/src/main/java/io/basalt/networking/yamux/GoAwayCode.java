package io.basalt.networking.yamux;

/** The error code carried in the length field of a go-away frame. */
public enum GoAwayCode {
  /** The session ends normally; streams already open may finish. */
  NORMAL(0),
  /** The sender saw a protocol error. */
  PROTOCOL_ERROR(1),
  /** The sender failed internally. */
  INTERNAL_ERROR(2);

  private final int code;

  GoAwayCode(int code) {
    this.code = code;
  }

  /** The wire code. */
  public int code() {
    return code;
  }

  /** The code for a wire value; values no implementation defines count as internal errors. */
  public static GoAwayCode fromWire(long value) {
    if (value == 0) {
      return NORMAL;
    }
    return value == 1 ? PROTOCOL_ERROR : INTERNAL_ERROR;
  }
}
