package io.basalt.networking.yamux;

/**
 * A typed yamux failure. Errors the peer caused ({@link Reason#isProtocolError()}) end the session
 * with a go-away carrying {@link GoAwayCode#PROTOCOL_ERROR}; the others reject a local command and
 * leave the session as it was.
 */
public final class YamuxException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Reason {
    /** A header's version byte is not 0. */
    BAD_VERSION(true),
    /** A header's type byte is not one of the four frame types. */
    UNKNOWN_TYPE(true),
    /** A data frame is longer than any receive window this session grants. */
    FRAME_TOO_LARGE(true),
    /** A stream id of the wrong parity, a session frame on a stream or a stream frame on 0. */
    INVALID_STREAM_ID(true),
    /** A SYN for a stream that is already open. */
    DUPLICATE_STREAM(true),
    /** A ping that is neither a request (SYN) nor a response (ACK). */
    INVALID_FLAGS(true),
    /** The peer sent more data than the stream's receive window allowed. */
    RECEIVE_WINDOW_EXCEEDED(true),
    /** The peer sent data after it had half-closed the stream. */
    DATA_AFTER_FIN(true),
    /** Window updates pushed a send window past 2^32 - 1. */
    WINDOW_OVERFLOW(true),
    /** The session is closed or going away; no new work is accepted. */
    SESSION_CLOSED(false),
    /** Opening one more outbound stream would exceed the configured limit. */
    STREAM_LIMIT(false),
    /** All 2^31 stream ids of this side have been used. */
    STREAM_IDS_EXHAUSTED(false),
    /** The stream is unknown, reset, or already half-closed for writing. */
    STREAM_CLOSED(false),
    /** The stream was reset by the peer or by the session ending. */
    STREAM_RESET(false),
    /** The stream's bounded send queue cannot take this write; wait until it is writable. */
    SEND_QUEUE_FULL(false);

    private final boolean protocolError;

    Reason(boolean protocolError) {
      this.protocolError = protocolError;
    }

    /** Whether the peer broke the protocol (the session must end with a go-away). */
    public boolean isProtocolError() {
      return protocolError;
    }
  }

  private final Reason reason;

  /** An exception with a reason and a message that gives the context. */
  public YamuxException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  /** What went wrong. */
  public Reason reason() {
    return reason;
  }
}
