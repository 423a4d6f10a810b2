package io.basalt.networking.yamux;

/** The four yamux frame types, with their wire codes. */
public enum FrameType {
  /** Stream data; followed by {@code length} bytes of payload. */
  DATA(0),
  /** Adds {@code length} bytes to the receiver's send window of a stream. */
  WINDOW_UPDATE(1),
  /** Session keep-alive and round-trip measurement; {@code length} is an opaque value. */
  PING(2),
  /** Session termination; {@code length} is a {@link GoAwayCode}. */
  GO_AWAY(3);

  private final int code;

  FrameType(int code) {
    this.code = code;
  }

  /** The wire code of this type. */
  public int code() {
    return code;
  }

  /**
   * The type with the given wire code.
   *
   * @throws YamuxException with {@link YamuxException.Reason#UNKNOWN_TYPE} for any other code
   */
  public static FrameType fromCode(int code) throws YamuxException {
    return switch (code) {
      case 0 -> DATA;
      case 1 -> WINDOW_UPDATE;
      case 2 -> PING;
      case 3 -> GO_AWAY;
      default ->
          throw new YamuxException(
              YamuxException.Reason.UNKNOWN_TYPE, "unknown frame type " + code);
    };
  }
}
