package io.basalt.networking.reqresp;

/**
 * Where a {@link RequestHandler} writes its answer: any number of {@link #respond} chunks (up to
 * the protocol's maximum), then {@link #complete()} — or one {@link #error}, which also completes.
 * Thread-safe; calls after completion are ignored.
 */
public interface ResponseChannel {

  /** Sends one success chunk. */
  void respond(byte[] payload);

  /** Sends an error chunk (message cut to 256 bytes) and ends the response. */
  void error(ResponseCode code, String message);

  /** Ends the response (closes the stream for writing). */
  void complete();
}
