package io.basalt.networking.yamux;

import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One side of an in-memory yamux connection: records events, collects output frames. */
final class Peer implements YamuxListener, FrameSink {
  final ArrayDeque<ByteBuf> outbox = new ArrayDeque<>();
  final Map<Integer, ByteArrayOutputStream> received = new HashMap<>();
  final Map<Integer, ArrayDeque<ByteBuf>> unconsumed = new HashMap<>();
  final List<Integer> inbound = new ArrayList<>();
  final List<Integer> remoteClosed = new ArrayList<>();
  final List<Integer> resets = new ArrayList<>();
  final List<Integer> closed = new ArrayList<>();
  final List<Integer> pongs = new ArrayList<>();
  final List<GoAwayCode> goAways = new ArrayList<>();
  YamuxSession session;
  YamuxException error;
  boolean autoConsume = true;
  boolean sessionClosed;
  long maxUnconsumed;

  static Peer client(YamuxConfig config) {
    Peer peer = new Peer();
    peer.session = YamuxSession.client(config, peer, peer);
    return peer;
  }

  static Peer server(YamuxConfig config) {
    Peer peer = new Peer();
    peer.session = YamuxSession.server(config, peer, peer);
    return peer;
  }

  @Override
  public void write(ByteBuf frame) {
    outbox.add(frame);
  }

  @Override
  public void flush() {}

  @Override
  public void onInboundStream(int streamId) {
    inbound.add(streamId);
  }

  @Override
  public void onData(int streamId, ByteBuf data) {
    if (autoConsume) {
      int n = data.readableBytes();
      copy(streamId, data);
      session.consumed(streamId, n);
      return;
    }
    ArrayDeque<ByteBuf> queue = unconsumed.computeIfAbsent(streamId, k -> new ArrayDeque<>());
    queue.add(data);
    maxUnconsumed = Math.max(maxUnconsumed, unconsumedBytes(streamId));
  }

  /** Consumes up to {@code max} buffered bytes of the stream; returns how many. */
  int consume(int streamId, int max) {
    ArrayDeque<ByteBuf> queue = unconsumed.getOrDefault(streamId, new ArrayDeque<>());
    int total = 0;
    while (total < max && !queue.isEmpty()) {
      ByteBuf head = queue.peek();
      int n = Math.min(head.readableBytes(), max - total);
      copy(streamId, head.readSlice(n));
      if (!head.isReadable()) {
        queue.poll().release();
      }
      total += n;
    }
    if (total > 0) {
      session.consumed(streamId, total);
    }
    return total;
  }

  long unconsumedBytes(int streamId) {
    return unconsumed.getOrDefault(streamId, new ArrayDeque<>()).stream()
        .mapToLong(ByteBuf::readableBytes)
        .sum();
  }

  byte[] receivedBytes(int streamId) {
    return received.getOrDefault(streamId, new ByteArrayOutputStream()).toByteArray();
  }

  private void copy(int streamId, ByteBuf data) {
    byte[] bytes = new byte[data.readableBytes()];
    data.readBytes(bytes);
    if (data.refCnt() > 0 && autoConsume) {
      data.release();
    }
    received.computeIfAbsent(streamId, k -> new ByteArrayOutputStream()).writeBytes(bytes);
  }

  @Override
  public void onRemoteClose(int streamId) {
    remoteClosed.add(streamId);
  }

  @Override
  public void onStreamReset(int streamId) {
    resets.add(streamId);
  }

  @Override
  public void onStreamClosed(int streamId) {
    closed.add(streamId);
  }

  @Override
  public void onPong(int opaque) {
    pongs.add(opaque);
  }

  @Override
  public void onGoAway(GoAwayCode code) {
    goAways.add(code);
  }

  @Override
  public void onSessionClosed() {
    sessionClosed = true;
  }

  /** Delivers this peer's queued frames to {@code other}; returns whether anything moved. */
  boolean sendTo(Peer other) {
    boolean moved = !outbox.isEmpty();
    ByteBuf frame;
    while ((frame = outbox.poll()) != null) {
      if (other.session.isClosed()) {
        frame.release();
        continue;
      }
      try {
        other.session.receive(frame);
      } catch (YamuxException e) {
        other.error = e;
      }
    }
    return moved;
  }

  void releaseAll() {
    outbox.forEach(ByteBuf::release);
    outbox.clear();
    unconsumed.values().forEach(q -> q.forEach(ByteBuf::release));
    unconsumed.clear();
  }
}
