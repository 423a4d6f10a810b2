package io.basalt.networking.yamux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class FrameHeaderTest {
  private static String encode(FrameHeader header) {
    ByteBuf buf = Unpooled.buffer();
    header.encode(buf);
    String hex = ByteBufUtil.hexDump(buf);
    buf.release();
    return hex;
  }

  private static FrameHeader decode(String hex, long max) throws YamuxException {
    ByteBuf buf = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(hex));
    try {
      return FrameHeader.decode(buf, max);
    } finally {
      buf.release();
    }
  }

  @Test
  void shouldEncodeDataFrameWithSynBigEndian() {
    assertThat(encode(new FrameHeader(FrameType.DATA, Flags.SYN, 1, 5)))
        .isEqualTo("000000010000000100000005");
  }

  @Test
  void shouldEncodeWindowUpdateWithAckAndLargeDelta() {
    assertThat(encode(new FrameHeader(FrameType.WINDOW_UPDATE, Flags.ACK, 2, 0x00FC0000L)))
        .isEqualTo("000100020000000200fc0000");
  }

  @Test
  void shouldEncodePingRequestAndResponse() {
    assertThat(encode(new FrameHeader(FrameType.PING, Flags.SYN, 0, 0xDEADBEEFL)))
        .isEqualTo("0002000100000000deadbeef");
    assertThat(encode(new FrameHeader(FrameType.PING, Flags.ACK, 0, 0xDEADBEEFL)))
        .isEqualTo("0002000200000000deadbeef");
  }

  @Test
  void shouldEncodeGoAwayCodes() {
    assertThat(encode(new FrameHeader(FrameType.GO_AWAY, 0, 0, GoAwayCode.NORMAL.code())))
        .isEqualTo("000300000000000000000000");
    assertThat(encode(new FrameHeader(FrameType.GO_AWAY, 0, 0, GoAwayCode.PROTOCOL_ERROR.code())))
        .isEqualTo("000300000000000000000001");
    assertThat(encode(new FrameHeader(FrameType.GO_AWAY, 0, 0, GoAwayCode.INTERNAL_ERROR.code())))
        .isEqualTo("000300000000000000000002");
  }

  @Test
  void shouldEncodeFinAndRstAndUnsignedStreamId() {
    assertThat(encode(new FrameHeader(FrameType.WINDOW_UPDATE, Flags.FIN, 0xFFFFFFFF, 0)))
        .isEqualTo("00010004ffffffff00000000");
    assertThat(encode(new FrameHeader(FrameType.WINDOW_UPDATE, Flags.RST, 3, 0)))
        .isEqualTo("000100080000000300000000");
  }

  @Test
  void shouldDecodeWhatItEncodes() throws YamuxException {
    FrameHeader header =
        new FrameHeader(FrameType.DATA, Flags.ACK | Flags.FIN, 0x80000001, 0xFFFF_FFFFL);
    assertThat(decode(encode(header), FrameHeader.MAX_LENGTH)).isEqualTo(header);
    assertThat(decode(encode(header), FrameHeader.MAX_LENGTH).streamIdUnsigned())
        .isEqualTo(0x80000001L);
  }

  @Test
  void shouldRejectBadVersion() {
    assertThatThrownBy(() -> decode("010000000000000100000000", 100))
        .isInstanceOf(YamuxException.class)
        .extracting(e -> ((YamuxException) e).reason())
        .isEqualTo(YamuxException.Reason.BAD_VERSION);
  }

  @Test
  void shouldRejectUnknownType() {
    assertThatThrownBy(() -> decode("000400000000000100000000", 100))
        .extracting(e -> ((YamuxException) e).reason())
        .isEqualTo(YamuxException.Reason.UNKNOWN_TYPE);
  }

  @Test
  void shouldRejectDataLongerThanMax() throws YamuxException {
    assertThatThrownBy(() -> decode("000000000000000100000065", 100))
        .extracting(e -> ((YamuxException) e).reason())
        .isEqualTo(YamuxException.Reason.FRAME_TOO_LARGE);
    // Only data frames carry a payload: a large window delta is fine.
    assertThat(decode("000100000000000100000065", 100).length()).isEqualTo(101);
  }

  @Test
  void shouldRefuseOutOfRangeFields() {
    assertThatThrownBy(() -> new FrameHeader(FrameType.DATA, 0x10000, 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FrameHeader(FrameType.DATA, 0, 1, 1L << 32))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
