package io.basalt.networking.reqresp;

import io.basalt.networking.host.Stream;
import io.basalt.networking.host.StreamReader;
import io.basalt.networking.peers.Misbehaviour;
import io.basalt.networking.peers.MisbehaviourReporter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The responder's side of one request: reads the request (bounded in size and time), runs the
 * handler, writes its chunks. A bad request gets {@link ResponseCode#INVALID_REQUEST}, a failing
 * handler {@link ResponseCode#SERVER_ERROR}.
 */
final class ServerExchange implements StreamReader, ResponseChannel {
  private static final Logger LOG = LoggerFactory.getLogger(ServerExchange.class);

  private final Stream stream;
  private final ReqRespProtocol protocol;
  private final RequestHandler handler;
  private final MisbehaviourReporter reporter;
  private final SnappyFrameReader request;
  private final ScheduledFuture<?> timer;
  private boolean requestDone;
  private boolean completed;
  private int chunks;

  ServerExchange(
      Stream stream,
      ReqRespProtocol protocol,
      RequestHandler handler,
      MisbehaviourReporter reporter,
      ScheduledExecutorService scheduler) {
    this.stream = stream;
    this.protocol = protocol;
    this.handler = handler;
    this.reporter = reporter;
    this.request = new SnappyFrameReader(protocol.maxRequestSize());
    this.timer =
        scheduler.schedule(
            this::onTimeout, protocol.timeToFirstByte().toMillis(), TimeUnit.MILLISECONDS);
  }

  private synchronized void onTimeout() {
    if (!requestDone) {
      LOG.debug(
          "No complete {} request from {} in time", protocol.protocolId(), stream.remotePeer());
      completed = true;
      stream.reset();
    }
  }

  @Override
  public void onData(Stream s, ByteBuffer data) {
    byte[] decoded;
    synchronized (this) {
      if (requestDone || completed) {
        return; // bytes after the request are ignored
      }
      try {
        if (!request.feed(data)) {
          return;
        }
      } catch (ReqRespException e) {
        reporter.report(s.remotePeer(), Misbehaviour.LOW_TOLERANCE, e.getMessage());
        error(ResponseCode.INVALID_REQUEST, e.getMessage());
        return;
      }
      requestDone = true;
      timer.cancel(false);
      decoded = request.payload();
    }
    try {
      handler.handle(s.remotePeer(), decoded, this);
    } catch (RuntimeException e) {
      LOG.warn("{} handler failed", protocol.protocolId(), e);
      error(ResponseCode.SERVER_ERROR, "internal error");
    }
  }

  @Override
  public synchronized void onRemoteClosed(Stream s) {
    if (!requestDone && !completed) {
      error(ResponseCode.INVALID_REQUEST, "request incomplete");
    }
  }

  @Override
  public synchronized void onClosed(Stream s, boolean reset) {
    completed = true;
    timer.cancel(false);
  }

  @Override
  public synchronized void respond(byte[] payload) {
    if (completed) {
      return;
    }
    if (payload.length > protocol.maxResponseSize()) {
      throw new IllegalArgumentException(
          "response chunk of " + payload.length + " bytes exceeds " + protocol.maxResponseSize());
    }
    if (++chunks > protocol.maxResponseChunks()) {
      throw new IllegalStateException(
          "more than " + protocol.maxResponseChunks() + " chunks for " + protocol.protocolId());
    }
    stream.write(chunk(ResponseCode.SUCCESS, payload));
  }

  @Override
  public synchronized void error(ResponseCode code, String message) {
    if (completed) {
      return;
    }
    byte[] text = message.getBytes(StandardCharsets.UTF_8);
    stream.write(
        chunk(code, Arrays.copyOf(text, Math.min(text.length, ReqRespProtocol.MAX_ERROR_MESSAGE))));
    complete();
  }

  @Override
  public synchronized void complete() {
    if (completed) {
      return;
    }
    completed = true;
    timer.cancel(false);
    stream.closeWrite();
  }

  static byte[] chunk(ResponseCode code, byte[] payload) {
    byte[] encoded = SnappyFramedPayload.encode(payload);
    byte[] chunk = new byte[1 + encoded.length];
    chunk[0] = (byte) code.code();
    System.arraycopy(encoded, 0, chunk, 1, encoded.length);
    return chunk;
  }
}
