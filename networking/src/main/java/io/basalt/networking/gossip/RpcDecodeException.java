package io.basalt.networking.gossip;

/** A received RPC frame is not a valid pubsub RPC or exceeds the {@link RpcLimits}. */
public final class RpcDecodeException extends Exception {

  /** Why decoding failed. */
  public enum Reason {
    /** The frame is larger than {@link RpcLimits#maxRpcBytes()}. */
    TOO_LARGE,
    /** Not well-formed protobuf (truncated, bad varint, bad length, bad UTF-8). */
    MALFORMED,
    /** Well-formed, but with more entries than {@link RpcLimits} allow. */
    LIMIT_EXCEEDED
  }

  private final Reason reason;

  public RpcDecodeException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  public RpcDecodeException(Reason reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
