package io.basalt.networking.reqresp;

import io.basalt.networking.host.Stream;
import io.basalt.networking.host.StreamReader;
import io.basalt.networking.peers.Misbehaviour;
import io.basalt.networking.peers.MisbehaviourReporter;
import io.basalt.networking.reqresp.ReqRespException.Kind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The requester's side: sends the request, half-closes, then reads result-code-prefixed chunks
 * until the responder closes, within the time-to-first-byte and response timeouts.
 */
final class ClientExchange implements StreamReader {

  private final Stream stream;
  private final ReqRespProtocol protocol;
  private final MisbehaviourReporter reporter;
  private final CompletableFuture<List<byte[]>> result = new CompletableFuture<>();
  private final List<byte[]> chunks = new ArrayList<>();
  private final ScheduledFuture<?> firstByteTimer;
  private final ScheduledFuture<?> responseTimer;
  private ResponseCode code;
  private SnappyFrameReader payload;
  private boolean anyByte;

  ClientExchange(
      Stream stream,
      ReqRespProtocol protocol,
      MisbehaviourReporter reporter,
      ScheduledExecutorService scheduler) {
    this.stream = stream;
    this.protocol = protocol;
    this.reporter = reporter;
    this.firstByteTimer =
        scheduler.schedule(
            () ->
                fail(
                    new ReqRespException(
                        Kind.FIRST_BYTE_TIMEOUT,
                        "no response within " + protocol.timeToFirstByte().toMillis() + " ms"),
                    Misbehaviour.MID_TOLERANCE),
            protocol.timeToFirstByte().toMillis(),
            TimeUnit.MILLISECONDS);
    this.responseTimer =
        scheduler.schedule(
            () ->
                fail(
                    new ReqRespException(
                        Kind.TIMEOUT,
                        "response not complete within "
                            + protocol.responseTimeout().toMillis()
                            + " ms"),
                    Misbehaviour.MID_TOLERANCE),
            protocol.responseTimeout().toMillis(),
            TimeUnit.MILLISECONDS);
    result.whenComplete(
        (r, e) -> {
          firstByteTimer.cancel(false);
          responseTimer.cancel(false);
        });
  }

  CompletableFuture<List<byte[]>> result() {
    return result;
  }

  void send(byte[] request) {
    stream.setReader(this);
    stream.write(SnappyFramedPayload.encode(request));
    stream.closeWrite();
  }

  @Override
  public synchronized void onData(Stream s, ByteBuffer data) {
    if (result.isDone()) {
      return;
    }
    if (!anyByte && data.hasRemaining()) {
      anyByte = true;
      firstByteTimer.cancel(false);
    }
    try {
      while (data.hasRemaining() && !result.isDone()) {
        if (code == null) {
          int value = data.get() & 0xff;
          code =
              ResponseCode.of(value)
                  .orElseThrow(
                      () -> new ReqRespException(Kind.MALFORMED, "unknown result code " + value));
          payload =
              new SnappyFrameReader(
                  code == ResponseCode.SUCCESS
                      ? protocol.maxResponseSize()
                      : ReqRespProtocol.MAX_ERROR_MESSAGE);
        }
        if (payload.feed(data)) {
          onChunk(code, payload.payload());
          code = null;
          payload = null;
        }
      }
    } catch (ReqRespException e) {
      fail(e, Misbehaviour.LOW_TOLERANCE);
    }
  }

  private void onChunk(ResponseCode chunkCode, byte[] bytes) {
    if (chunkCode != ResponseCode.SUCCESS) {
      result.completeExceptionally(
          ReqRespException.errorResponse(chunkCode, new String(bytes, StandardCharsets.UTF_8)));
      stream.close();
      return;
    }
    if (chunks.size() == protocol.maxResponseChunks()) {
      throw new ReqRespException(
          Kind.TOO_MANY_CHUNKS, "more than " + protocol.maxResponseChunks() + " chunks");
    }
    chunks.add(bytes);
  }

  @Override
  public synchronized void onRemoteClosed(Stream s) {
    if (result.isDone()) {
      return;
    }
    if (code != null) {
      fail(
          new ReqRespException(Kind.STREAM_FAILED, "stream ended inside a response chunk"),
          Misbehaviour.LOW_TOLERANCE);
      return;
    }
    result.complete(List.copyOf(chunks));
    stream.close();
  }

  @Override
  public void onClosed(Stream s, boolean reset) {
    fail(
        new ReqRespException(
            Kind.STREAM_FAILED, reset ? "stream reset by the peer" : "stream closed early"),
        null);
  }

  synchronized void fail(ReqRespException error, Misbehaviour misbehaviour) {
    if (result.completeExceptionally(error)) {
      if (misbehaviour != null) {
        reporter.report(stream.remotePeer(), misbehaviour, error.getMessage());
      }
      stream.reset();
    }
  }
}
