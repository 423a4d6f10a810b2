package io.basalt.networking.reqresp;

import java.util.Optional;

/** A failed request or a broken response; {@link #kind()} says which. */
public final class ReqRespException extends RuntimeException {

  /** What went wrong. */
  public enum Kind {
    /** The peer answered with a non-success result code ({@link #responseCode()}). */
    ERROR_RESPONSE,
    /** A payload's announced length exceeds the protocol's maximum. */
    PAYLOAD_TOO_LARGE,
    /** Bad varint, bad snappy framing, checksum mismatch, data beyond the announced length. */
    MALFORMED,
    /** The peer sent more response chunks than the protocol allows. */
    TOO_MANY_CHUNKS,
    /** No response byte within the time-to-first-byte limit. */
    FIRST_BYTE_TIMEOUT,
    /** The whole exchange took longer than the response timeout. */
    TIMEOUT,
    /** The stream closed or was reset in the middle of a payload, or could not be opened. */
    STREAM_FAILED
  }

  private final Kind kind;
  private final ResponseCode responseCode;

  public ReqRespException(Kind kind, String message) {
    this(kind, null, message, null);
  }

  public ReqRespException(Kind kind, String message, Throwable cause) {
    this(kind, null, message, cause);
  }

  private ReqRespException(Kind kind, ResponseCode code, String message, Throwable cause) {
    super(kind + (code == null ? "" : " " + code) + ": " + message, cause);
    this.kind = kind;
    this.responseCode = code;
  }

  /** The peer's error response with its message. */
  public static ReqRespException errorResponse(ResponseCode code, String message) {
    return new ReqRespException(Kind.ERROR_RESPONSE, code, message, null);
  }

  public Kind kind() {
    return kind;
  }

  /** The peer's result code, for {@link Kind#ERROR_RESPONSE}. */
  public Optional<ResponseCode> responseCode() {
    return Optional.ofNullable(responseCode);
  }
}
