package io.basalt.networking.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class VarintFramesTest {

  @Test
  void shouldPrefixPayloadWithItsVarintLength() {
    byte[] payload = new byte[200];
    Arrays.fill(payload, (byte) 7);
    byte[] frame = VarintFrames.encode(payload);
    assertThat(HexFormat.of().formatHex(frame, 0, 2)).isEqualTo("c801");
    assertThat(frame).hasSize(202);
    assertThat(VarintFrames.read(ByteBuffer.wrap(frame), 1000)).contains(payload);
  }

  @Test
  void shouldWaitForTheWholeFrame() {
    byte[] frame = VarintFrames.encode("hello".getBytes(StandardCharsets.UTF_8));
    ByteBuffer partial = ByteBuffer.wrap(frame, 0, frame.length - 1);
    assertThat(VarintFrames.read(partial, 100)).isEmpty();
    assertThat(partial.position()).isZero();
  }

  @Test
  void shouldRejectOversizeFrameFromItsPrefixAlone() {
    // Announces 2^62 bytes but carries none: the limit must trip before any allocation.
    ByteBuffer in = ByteBuffer.wrap(UnsignedVarint.encode(1L << 62));
    assertThatThrownBy(() -> VarintFrames.read(in, 1024))
        .isInstanceOf(FrameTooLargeException.class)
        .hasMessageContaining("exceeds the limit of 1024");
  }

  @Test
  void shouldDecodeFramesSplitAcrossReadsInNetty() {
    EmbeddedChannel channel = new EmbeddedChannel(new VarintFrameDecoder(1024));
    byte[] first = VarintFrames.encode("first".getBytes(StandardCharsets.UTF_8));
    byte[] second = VarintFrames.encode(new byte[300]);
    byte[] stream = new byte[first.length + second.length];
    System.arraycopy(first, 0, stream, 0, first.length);
    System.arraycopy(second, 0, stream, first.length, second.length);
    for (int i = 0; i < stream.length; i += 7) {
      channel.writeInbound(
          Unpooled.wrappedBuffer(Arrays.copyOfRange(stream, i, Math.min(stream.length, i + 7))));
    }
    ByteBuf one = channel.readInbound();
    ByteBuf two = channel.readInbound();
    assertThat(one.toString(StandardCharsets.UTF_8)).isEqualTo("first");
    assertThat(two.readableBytes()).isEqualTo(300);
    one.release();
    two.release();
    assertThat((Object) channel.readInbound()).isNull();
  }

  @Test
  void shouldFailTheNettyDecoderOnOversizeFrame() {
    EmbeddedChannel channel = new EmbeddedChannel(new VarintFrameDecoder(10));
    assertThatThrownBy(
            () -> channel.writeInbound(Unpooled.wrappedBuffer(VarintFrames.encode(new byte[11]))))
        .hasCauseInstanceOf(FrameTooLargeException.class);
  }

  @Test
  void shouldPrefixOutboundBuffersInNetty() {
    EmbeddedChannel channel = new EmbeddedChannel(new VarintFrameEncoder());
    channel.writeOutbound(Unpooled.wrappedBuffer(new byte[] {1, 2, 3}));
    ByteBuf out = channel.readOutbound();
    assertThat(ByteBufUtil.getBytes(out)).containsExactly(3, 1, 2, 3);
    out.release();
  }
}
