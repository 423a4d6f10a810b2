package io.basalt.networking.reqresp;

import java.util.Optional;

/** The result byte in front of each response chunk (consensus p2p-interface req/resp). */
public enum ResponseCode {
  SUCCESS(0),
  INVALID_REQUEST(1),
  SERVER_ERROR(2),
  RESOURCE_UNAVAILABLE(3);

  private final int code;

  ResponseCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The code for a result byte; empty for unknown values. */
  public static Optional<ResponseCode> of(int code) {
    for (ResponseCode value : values()) {
      if (value.code == code) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
