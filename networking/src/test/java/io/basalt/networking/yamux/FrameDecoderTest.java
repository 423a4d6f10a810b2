package io.basalt.networking.yamux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {
  private final List<FrameHeader> headers = new ArrayList<>();
  private final List<String> payloads = new ArrayList<>();
  private final FrameDecoder decoder = new FrameDecoder(64, Unpooled.buffer().alloc());

  private void collect(FrameHeader header, ByteBuf payload) {
    headers.add(header);
    if (payload != null) {
      payloads.add(payload.toString(StandardCharsets.US_ASCII));
      payload.release();
    }
  }

  private static byte[] frames() {
    // DATA SYN stream 1 "hello", PING SYN 7, DATA stream 1 "" , GO_AWAY normal
    return ByteBufUtil.decodeHexDump(
        "00000001000000010000000568656c6c6f"
            + "000200010000000000000007"
            + "000000000000000100000000"
            + "000300000000000000000000");
  }

  @Test
  void shouldDecodeSeveralFramesFromOneBuffer() throws YamuxException {
    decoder.decode(Unpooled.wrappedBuffer(frames()), this::collect);
    assertThat(headers)
        .extracting(FrameHeader::type)
        .containsExactly(FrameType.DATA, FrameType.PING, FrameType.DATA, FrameType.GO_AWAY);
    assertThat(payloads).containsExactly("hello", "");
    assertThat(headers.get(1).length()).isEqualTo(7);
    assertThat(decoder.bufferedBytes()).isZero();
  }

  @Test
  void shouldDecodeTheSameFramesFedOneByteAtATime() throws YamuxException {
    for (byte b : frames()) {
      decoder.decode(Unpooled.wrappedBuffer(new byte[] {b}), this::collect);
      assertThat(decoder.bufferedBytes()).isLessThanOrEqualTo(FrameHeader.SIZE + 64);
    }
    assertThat(headers).hasSize(4);
    assertThat(payloads).containsExactly("hello", "");
  }

  @Test
  void shouldFailAndRejectLaterInputAfterMalformedHeader() {
    ByteBuf bad = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump("090000000000000100000000"));
    assertThatThrownBy(() -> decoder.decode(bad, this::collect))
        .extracting(e -> ((YamuxException) e).reason())
        .isEqualTo(YamuxException.Reason.BAD_VERSION);
    assertThat(bad.refCnt()).isZero();
    ByteBuf more = Unpooled.wrappedBuffer(frames());
    assertThatThrownBy(() -> decoder.decode(more, this::collect))
        .extracting(e -> ((YamuxException) e).reason())
        .isEqualTo(YamuxException.Reason.SESSION_CLOSED);
    assertThat(more.refCnt()).isZero();
    assertThat(headers).isEmpty();
  }

  @Test
  void shouldRejectOversizedDataBeforeBufferingItsPayload() {
    ByteBuf big = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump("000000000000000100000041"));
    assertThatThrownBy(() -> decoder.decode(big, this::collect))
        .extracting(e -> ((YamuxException) e).reason())
        .isEqualTo(YamuxException.Reason.FRAME_TOO_LARGE);
    assertThat(decoder.bufferedBytes()).isZero();
  }

  @Test
  void shouldKeepPayloadSlicesIntactWhenMoreInputArrives() throws YamuxException {
    List<ByteBuf> kept = new ArrayList<>();
    byte[] all = frames();
    // first frame plus half of the ping header, then the rest
    decoder.decode(Unpooled.wrappedBuffer(all, 0, 23), (h, p) -> kept.add(p));
    decoder.decode(Unpooled.wrappedBuffer(all, 23, all.length - 23), (h, p) -> kept.add(p));
    assertThat(kept.get(0).toString(StandardCharsets.US_ASCII)).isEqualTo("hello");
    kept.stream().filter(b -> b != null).forEach(ByteBuf::release);
  }
}
