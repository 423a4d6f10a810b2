package io.basalt.networking.multistream;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * One side of a multistream-select negotiation as a transport-independent state machine: feed it
 * the bytes that arrive, send the bytes it returns.
 *
 * <p>It buffers partial messages itself, so input may be split anywhere. Once a protocol is agreed
 * it stops reading and hands back the bytes after the last negotiation message. Not thread-safe:
 * drive it from one thread (a channel's event loop). After a {@link MultistreamException} the
 * negotiator is dead and further calls throw {@link IllegalStateException}.
 */
public abstract sealed class MultistreamNegotiator
    permits MultistreamInitiator, MultistreamResponder {

  /** Bound on messages handled in one negotiation, so a peer cannot keep us busy forever. */
  public static final int MAX_ATTEMPTS = 64;

  private byte[] pending = new byte[0];
  private int messages;
  private boolean finished;

  /** Bytes to send as soon as the stream is open (possibly empty). */
  public abstract byte[] start();

  /**
   * Handles bytes received from the peer.
   *
   * @throws MultistreamException if the peer breaks the protocol or no protocol can be agreed
   */
  public final NegotiationStep receive(byte[] data) {
    if (finished) {
      throw new IllegalStateException("multistream negotiation already finished");
    }
    ByteBuffer in = ByteBuffer.wrap(concat(pending, data));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      while (true) {
        Optional<String> line = MultistreamMessages.read(in);
        if (line.isEmpty()) {
          break;
        }
        if (++messages > MAX_ATTEMPTS) {
          throw new MultistreamException(
              MultistreamException.Reason.TOO_MANY_ATTEMPTS,
              "No agreement after " + MAX_ATTEMPTS + " multistream messages");
        }
        Optional<String> agreed = onMessage(line.get(), out);
        if (agreed.isPresent()) {
          finished = true;
          byte[] remaining = Arrays.copyOfRange(in.array(), in.position(), in.limit());
          pending = new byte[0];
          return new NegotiationStep(out.toByteArray(), agreed, remaining);
        }
      }
    } catch (MultistreamException e) {
      finished = true;
      throw e;
    }
    pending = Arrays.copyOfRange(in.array(), in.position(), in.limit());
    return new NegotiationStep(out.toByteArray(), Optional.empty(), new byte[0]);
  }

  /**
   * Handles one message; writes any reply to {@code out}.
   *
   * @return the agreed protocol when this message completes the negotiation
   */
  abstract Optional<String> onMessage(String line, ByteArrayOutputStream out);

  private static byte[] concat(byte[] a, byte[] b) {
    if (a.length == 0) {
      return b.clone();
    }
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
