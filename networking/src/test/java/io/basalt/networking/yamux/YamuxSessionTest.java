package io.basalt.networking.yamux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.networking.yamux.YamuxException.Reason;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class YamuxSessionTest {
  private SessionPair pair = new SessionPair(YamuxConfig.DEFAULT);

  @AfterEach
  void release() {
    pair.close();
  }

  private static ByteBuf ascii(String s) {
    return Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
  }

  private static ByteBuf frame(FrameType type, int flags, int id, long length) {
    ByteBuf buf = Unpooled.buffer();
    new FrameHeader(type, flags, id, length).encode(buf);
    return buf;
  }

  private static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static FrameHeader lastHeader(Peer peer) throws YamuxException {
    ByteBuf last = peer.outbox.peekLast();
    return FrameHeader.decode(last.duplicate(), FrameHeader.MAX_LENGTH);
  }

  @Test
  void shouldOpenOddIdsOnClientEvenIdsOnServerAndAcknowledge() throws YamuxException {
    int c1 = pair.client.session.openStream();
    int c2 = pair.client.session.openStream();
    int s1 = pair.server.session.openStream();
    pair.pump();
    assertThat(List.of(c1, c2, s1)).containsExactly(1, 3, 2);
    assertThat(pair.server.inbound).containsExactly(1, 3);
    assertThat(pair.client.inbound).containsExactly(2);
    assertThat(pair.client.session.sendWindow(c1)).isEqualTo(YamuxConfig.INITIAL_WINDOW);
  }

  @Test
  void shouldDeliverEachOfManyConcurrentStreamsItsOwnData() throws YamuxException {
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      int id = pair.client.session.openStream();
      ids.add(id);
      pair.client.session.write(id, ascii("stream-" + id));
    }
    pair.pump();
    for (int i = 0; i < 200; i += 2) {
      pair.server.session.write(ids.get(i), ascii("reply-" + ids.get(i)));
    }
    pair.pump();
    assertThat(pair.server.inbound).containsExactlyElementsOf(ids);
    for (int i = 0; i < ids.size(); i++) {
      int id = ids.get(i);
      assertThat(new String(pair.server.receivedBytes(id), StandardCharsets.US_ASCII))
          .isEqualTo("stream-" + id);
      assertThat(new String(pair.client.receivedBytes(id), StandardCharsets.US_ASCII))
          .isEqualTo(i % 2 == 0 ? "reply-" + id : "");
    }
    assertThat(pair.server.session.streamCount()).isEqualTo(200);
  }

  @Test
  void shouldMoveSeveralMebibytesBothWaysWithASlowConsumer() throws YamuxException {
    int size = 4 * 1024 * 1024;
    byte[] up = randomBytes(size, 1);
    byte[] down = randomBytes(size, 2);
    pair.client.autoConsume = false;
    pair.server.autoConsume = false;
    int id = pair.client.session.openStream();
    pair.pump();
    int upSent = 0;
    int downSent = 0;
    int rounds = 0;
    while (pair.server.receivedBytes(id).length < size
        || pair.client.receivedBytes(id).length < size) {
      upSent = writeWhileWritable(pair.client.session, id, up, upSent);
      downSent = writeWhileWritable(pair.server.session, id, down, downSent);
      assertThat(pair.client.session.queuedBytes(id))
          .isLessThanOrEqualTo(YamuxConfig.DEFAULT.maxSendQueueBytes());
      pair.pump();
      // The receivers drain only 48 KiB per round: the senders must wait for window updates.
      pair.server.consume(id, 48 * 1024);
      pair.client.consume(id, 48 * 1024);
      pair.pump();
      assertThat(++rounds).isLessThan(1000);
    }
    assertThat(pair.server.receivedBytes(id)).isEqualTo(up);
    assertThat(pair.client.receivedBytes(id)).isEqualTo(down);
    assertThat(pair.server.maxUnconsumed).isLessThanOrEqualTo(YamuxConfig.INITIAL_WINDOW);
    assertThat(pair.client.maxUnconsumed).isLessThanOrEqualTo(YamuxConfig.INITIAL_WINDOW);
    assertThat(rounds).isGreaterThan(size / YamuxConfig.INITIAL_WINDOW);
  }

  private static int writeWhileWritable(YamuxSession session, int id, byte[] data, int offset)
      throws YamuxException {
    while (offset < data.length && session.isWritable(id)) {
      int n = Math.min(64 * 1024, data.length - offset);
      session.write(id, Unpooled.wrappedBuffer(data, offset, n));
      offset += n;
    }
    return offset;
  }

  @Test
  void shouldHalfCloseEachDirectionIndependently() throws YamuxException {
    int id = pair.client.session.openStream();
    pair.client.session.write(id, ascii("request"));
    pair.client.session.close(id);
    pair.pump();
    assertThat(pair.server.remoteClosed).containsExactly(id);
    assertThatThrownBy(() -> pair.client.session.write(id, ascii("more")))
        .extracting(e -> ((YamuxException) e).reason())
        .isEqualTo(Reason.STREAM_CLOSED);
    // The other direction still works after the client's FIN.
    pair.server.session.write(id, ascii("response"));
    pair.server.session.close(id);
    pair.pump();
    assertThat(new String(pair.client.receivedBytes(id), StandardCharsets.US_ASCII))
        .isEqualTo("response");
    assertThat(pair.client.remoteClosed).containsExactly(id);
    assertThat(pair.client.closed).containsExactly(id);
    assertThat(pair.server.closed).containsExactly(id);
    assertThat(pair.client.session.streamCount()).isZero();
    assertThat(pair.server.session.streamCount()).isZero();
  }

  @Test
  void shouldFlushQueuedDataBeforeFin() throws YamuxException {
    pair.server.autoConsume = false;
    int id = pair.client.session.openStream();
    byte[] data = randomBytes(YamuxConfig.INITIAL_WINDOW + 1000, 3);
    pair.client.session.write(id, Unpooled.wrappedBuffer(data));
    pair.client.session.close(id);
    pair.pump();
    assertThat(pair.server.remoteClosed).isEmpty();
    pair.server.consume(id, Integer.MAX_VALUE);
    pair.pump();
    pair.server.consume(id, Integer.MAX_VALUE);
    assertThat(pair.server.receivedBytes(id)).isEqualTo(data);
    assertThat(pair.server.remoteClosed).containsExactly(id);
  }

  @Test
  void shouldResetStreamAndDropQueuedData() throws YamuxException {
    pair.server.autoConsume = false;
    int id = pair.client.session.openStream();
    pair.client.session.write(
        id, Unpooled.wrappedBuffer(new byte[YamuxConfig.INITIAL_WINDOW + 10]));
    assertThat(pair.client.session.queuedBytes(id)).isEqualTo(10);
    pair.client.session.reset(id);
    pair.pump();
    assertThat(pair.server.resets).containsExactly(id);
    assertThat(pair.server.closed).containsExactly(id);
    assertThat(pair.client.closed).containsExactly(id);
    assertThat(pair.client.session.isOpen(id)).isFalse();
    assertThat(pair.server.session.isOpen(id)).isFalse();
    assertThatThrownBy(() -> pair.client.session.write(id, ascii("x")))
        .extracting(e -> ((YamuxException) e).reason())
        .isEqualTo(Reason.STREAM_CLOSED);
  }

  @Test
  void shouldAnswerPingWithTheSameOpaqueValue() {
    pair.client.session.ping(0xCAFEBABE);
    pair.server.session.ping(7);
    pair.pump();
    assertThat(pair.client.pongs).containsExactly(0xCAFEBABE);
    assertThat(pair.server.pongs).containsExactly(7);
  }

  @Test
  void shouldRefuseNewStreamsAfterNormalGoAwayButFinishOpenOnes() throws YamuxException {
    int id = pair.client.session.openStream();
    pair.pump();
    pair.server.session.goAway(GoAwayCode.NORMAL);
    pair.pump();
    assertThat(pair.client.goAways).containsExactly(GoAwayCode.NORMAL);
    assertThatThrownBy(() -> pair.client.session.openStream())
        .extracting(e -> ((YamuxException) e).reason())
        .isEqualTo(Reason.SESSION_CLOSED);
    pair.client.session.write(id, ascii("still here"));
    pair.pump();
    assertThat(new String(pair.server.receivedBytes(id), StandardCharsets.US_ASCII))
        .isEqualTo("still here");
    // A SYN that crossed the go-away is answered with RST.
    pair.server.session.receive(frame(FrameType.WINDOW_UPDATE, Flags.SYN, 101, 0));
    assertThat(lastHeader(pair.server))
        .isEqualTo(new FrameHeader(FrameType.WINDOW_UPDATE, Flags.RST, 101, 0));
    assertThat(pair.server.inbound).containsExactly(id);
  }

  @Test
  void shouldEndTheSessionOnGoAwayWithAnError() throws YamuxException {
    int id = pair.client.session.openStream();
    pair.pump();
    pair.server.session.goAway(GoAwayCode.INTERNAL_ERROR);
    assertThat(pair.server.session.isClosed()).isTrue();
    pair.pump();
    assertThat(pair.client.goAways).containsExactly(GoAwayCode.INTERNAL_ERROR);
    assertThat(pair.client.session.isClosed()).isTrue();
    assertThat(pair.client.resets).containsExactly(id);
    assertThat(pair.client.sessionClosed).isTrue();
  }

  @Test
  void shouldTreatDataBeyondTheWindowAsAProtocolError() throws YamuxException {
    pair.server.autoConsume = false;
    YamuxSession server = pair.server.session;
    server.receive(frame(FrameType.WINDOW_UPDATE, Flags.SYN, 1, 0));
    ByteBuf data = frame(FrameType.DATA, 0, 1, YamuxConfig.INITIAL_WINDOW);
    data.writeZero(YamuxConfig.INITIAL_WINDOW);
    server.receive(data);
    ByteBuf oneMore = frame(FrameType.DATA, 0, 1, 1);
    oneMore.writeByte(1);
    assertThatThrownBy(() -> server.receive(oneMore))
        .extracting(e -> ((YamuxException) e).reason())
        .isEqualTo(Reason.RECEIVE_WINDOW_EXCEEDED);
    assertThat(lastHeader(pair.server))
        .isEqualTo(new FrameHeader(FrameType.GO_AWAY, 0, 0, GoAwayCode.PROTOCOL_ERROR.code()));
    assertThat(server.isClosed()).isTrue();
    assertThat(pair.server.resets).containsExactly(1);
    assertThat(oneMore.refCnt()).isZero();
  }

  @Test
  void shouldAnswerSynsBeyondTheStreamLimitWithRst() throws YamuxException {
    pair = new SessionPair(YamuxConfig.DEFAULT, YamuxConfig.DEFAULT.withStreamLimits(2, 10));
    int a = pair.client.session.openStream();
    int b = pair.client.session.openStream();
    int c = pair.client.session.openStream();
    pair.pump();
    assertThat(pair.server.inbound).containsExactly(a, b);
    assertThat(pair.client.resets).containsExactly(c);
    assertThat(pair.client.session.isOpen(c)).isFalse();
    // Closing one frees a slot.
    pair.client.session.reset(a);
    pair.pump();
    int d = pair.client.session.openStream();
    pair.pump();
    assertThat(pair.server.inbound).containsExactly(a, b, d);
  }

  @Test
  void shouldRefuseOutboundStreamsBeyondTheLimit() throws YamuxException {
    pair = new SessionPair(YamuxConfig.DEFAULT.withStreamLimits(10, 1));
    pair.client.session.openStream();
    assertThatThrownBy(() -> pair.client.session.openStream())
        .extracting(e -> ((YamuxException) e).reason())
        .isEqualTo(Reason.STREAM_LIMIT);
  }

  @Test
  void shouldRefuseAWriteThatOverflowsTheBoundedQueueAndSignalWritability() throws YamuxException {
    List<Boolean> writability = new ArrayList<>();
    Peer client = new Peer();
    client.session =
        YamuxSession.client(
            YamuxConfig.DEFAULT.withMaxSendQueueBytes(100_000),
            client,
            new YamuxListener() {
              @Override
              public void onWritabilityChanged(int streamId, boolean writable) {
                writability.add(writable);
              }
            });
    int id = client.session.openStream();
    client.session.write(id, Unpooled.wrappedBuffer(new byte[YamuxConfig.INITIAL_WINDOW]));
    client.session.write(id, Unpooled.wrappedBuffer(new byte[60_000]));
    assertThat(client.session.isWritable(id)).isFalse();
    ByteBuf tooMuch = Unpooled.wrappedBuffer(new byte[50_000]);
    assertThatThrownBy(() -> client.session.write(id, tooMuch))
        .extracting(e -> ((YamuxException) e).reason())
        .isEqualTo(Reason.SEND_QUEUE_FULL);
    assertThat(tooMuch.refCnt()).isZero();
    assertThat(client.session.queuedBytes(id)).isEqualTo(60_000);
    client.session.receive(frame(FrameType.WINDOW_UPDATE, Flags.ACK, id, 100_000));
    assertThat(client.session.isWritable(id)).isTrue();
    assertThat(writability).containsExactly(false, true);
    client.releaseAll();
  }

  @Test
  void shouldGrantAConfiguredLargerWindowWithTheSynAndAck() throws YamuxException {
    pair = new SessionPair(YamuxConfig.DEFAULT.withReceiveWindow(16 * 1024 * 1024));
    int id = pair.client.session.openStream();
    pair.pump();
    assertThat(pair.server.session.sendWindow(id)).isEqualTo(16 * 1024 * 1024);
    assertThat(pair.client.session.sendWindow(id)).isEqualTo(16 * 1024 * 1024);
  }

  @Test
  void shouldResetEveryStreamWhenTheTransportCloses() throws YamuxException {
    int a = pair.client.session.openStream();
    int b = pair.client.session.openStream();
    pair.client.session.transportClosed();
    assertThat(pair.client.resets).containsExactlyInAnyOrder(a, b);
    assertThat(pair.client.closed).containsExactlyInAnyOrder(a, b);
    assertThat(pair.client.sessionClosed).isTrue();
    assertThatThrownBy(() -> pair.client.session.openStream())
        .extracting(e -> ((YamuxException) e).reason())
        .isEqualTo(Reason.SESSION_CLOSED);
  }

  @Test
  void shouldTreatDataAfterFinAsAProtocolError() throws YamuxException {
    YamuxSession server = pair.server.session;
    server.receive(frame(FrameType.WINDOW_UPDATE, Flags.SYN | Flags.FIN, 1, 0));
    ByteBuf late = frame(FrameType.DATA, 0, 1, 1);
    late.writeByte(9);
    assertThatThrownBy(() -> server.receive(late))
        .extracting(e -> ((YamuxException) e).reason())
        .isEqualTo(Reason.DATA_AFTER_FIN);
  }

  @Test
  void shouldRejectMoreConsumedBytesThanDelivered() throws YamuxException {
    int id = pair.client.session.openStream();
    pair.pump();
    assertThatThrownBy(() -> pair.server.session.consumed(id, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
