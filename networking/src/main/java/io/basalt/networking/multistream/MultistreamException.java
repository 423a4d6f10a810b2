package io.basalt.networking.multistream;

/** A failed multistream-select negotiation; {@link #reason()} says how. */
public final class MultistreamException extends RuntimeException {

  /** Why the negotiation failed. */
  public enum Reason {
    /** The peer declined every protocol we proposed. */
    NO_COMMON_PROTOCOL,
    /** The peer did not open with {@code /multistream/1.0.0}. */
    NOT_MULTISTREAM,
    /** A message without its newline, with bad UTF-8, a bad length prefix or an odd answer. */
    MALFORMED_MESSAGE,
    /** A message longer than {@link MultistreamMessages#MAX_MESSAGE_LENGTH}. */
    MESSAGE_TOO_LONG,
    /** The peer sent {@link MultistreamNegotiator#MAX_ATTEMPTS} proposals without agreement. */
    TOO_MANY_ATTEMPTS
  }

  private final Reason reason;

  public MultistreamException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
