package io.basalt.networking.host;

/** A failed dial, upgrade, stream negotiation or stream operation; {@link #reason()} says how. */
public final class HostException extends RuntimeException {

  /** What went wrong. */
  public enum Reason {
    /** The address cannot be dialled or listened on (no ip/tcp part, no /p2p for a dial). */
    BAD_ADDRESS,
    /** TCP connect failed or did not complete within the connect timeout. */
    CONNECT_FAILED,
    /** multistream-select {@code /noise} plus the Noise handshake did not finish in time. */
    SECURITY_TIMEOUT,
    /** Noise failed (bad signature, unsupported key, the wrong peer id, garbage). */
    SECURITY_FAILED,
    /** multistream-select {@code /yamux/1.0.0} did not finish in time. */
    MUXER_TIMEOUT,
    /** A negotiation failed: no common protocol or malformed multistream messages. */
    NEGOTIATION_FAILED,
    /** Stream protocol negotiation did not finish in time. */
    STREAM_NEGOTIATION_TIMEOUT,
    /** A connection limit (total or per peer) refused the connection. */
    CONNECTION_LIMIT,
    /** The connection gate refused the peer (e.g. it is banned). */
    REFUSED,
    /** We dialled ourselves. */
    SELF_DIAL,
    /** The connection or stream closed before the operation completed. */
    CLOSED,
    /** A bounded buffer would overflow (the writer outruns the peer). */
    BUFFER_FULL,
    /** The host was shut down. */
    HOST_CLOSED,
    /** The yamux session failed or refused a stream. */
    MUXER_FAILED
  }

  private final Reason reason;

  public HostException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  public HostException(Reason reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
