package io.basalt.networking.yamux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.networking.yamux.YamuxException.Reason;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each malformed input ends the session with a typed error and a protocol-error go-away. */
class MalformedFrameTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "bad version,                 '', 010100010000000100000000, BAD_VERSION",
    "unknown type,                '', 000700000000000100000000, UNKNOWN_TYPE",
    "data beyond max frame,       '', 000000010000000100040001, FRAME_TOO_LARGE",
    "data on stream 0,            '', 000000000000000000000000, INVALID_STREAM_ID",
    "window update on stream 0,   '', 000100010000000000000000, INVALID_STREAM_ID",
    "ping on a stream,            '', 000200010000000100000000, INVALID_STREAM_ID",
    "go-away on a stream,         '', 000300000000000300000000, INVALID_STREAM_ID",
    "ping without SYN or ACK,     '', 000200000000000000000000, INVALID_FLAGS",
    "SYN with the server parity,  '', 000100010000000200000000, INVALID_STREAM_ID",
    "duplicate SYN,   000100010000000100000000, 000100010000000100000000, DUPLICATE_STREAM",
    "window overflow, 000100010000000100000000, 0001000000000001ffffffff, WINDOW_OVERFLOW",
  })
  void shouldEndTheSessionWithATypedError(String name, String setup, String bad, Reason reason)
      throws YamuxException {
    Peer server = Peer.server(YamuxConfig.DEFAULT);
    if (!setup.isEmpty()) {
      server.session.receive(Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(setup)));
    }
    ByteBuf input = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(bad));
    assertThatThrownBy(() -> server.session.receive(input))
        .isInstanceOf(YamuxException.class)
        .extracting(e -> ((YamuxException) e).reason())
        .isEqualTo(reason);
    assertThat(input.refCnt()).isZero();
    assertThat(server.session.isClosed()).isTrue();
    ByteBuf goAway = server.outbox.peekLast();
    assertThat(ByteBufUtil.hexDump(goAway)).isEqualTo("000300000000000000000001");
    server.releaseAll();
  }
}
