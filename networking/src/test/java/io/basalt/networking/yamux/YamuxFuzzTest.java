package io.basalt.networking.yamux;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random, truncated and mutated input never makes the decoder or the session throw anything but a
 * {@link YamuxException}, leaks no input buffer, and keeps every internal buffer within its bound.
 */
class YamuxFuzzTest {
  private static final YamuxConfig CONFIG = YamuxConfig.DEFAULT.withStreamLimits(8, 8);

  @Property(tries = 300)
  void decoderOnlyThrowsTypedErrorsOnRandomBytes(
      @ForAll @Size(max = 2000) byte[] input, @ForAll @IntRange(min = 1, max = 64) int chunk) {
    FrameDecoder decoder = new FrameDecoder(1024, Unpooled.buffer().alloc());
    List<ByteBuf> inputs = new ArrayList<>();
    try {
      for (int i = 0; i < input.length; i += chunk) {
        ByteBuf part = Unpooled.copiedBuffer(input, i, Math.min(chunk, input.length - i));
        inputs.add(part);
        decoder.decode(part, (h, p) -> release(p));
        assertThat(decoder.bufferedBytes()).isLessThanOrEqualTo(FrameHeader.SIZE + 1024 + chunk);
      }
    } catch (YamuxException expected) {
      assertThat(decoder.bufferedBytes()).isZero();
    }
    // The decoder keeps a partial frame's input until closed.
    decoder.fail();
    assertThat(inputs).allSatisfy(b -> assertThat(b.refCnt()).isZero());
  }

  @Property(tries = 300)
  void sessionOnlyThrowsTypedErrorsOnRandomBytes(
      @ForAll @Size(max = 2000) byte[] input, @ForAll @IntRange(min = 1, max = 100) int chunk) {
    feed(Peer.server(CONFIG), input, chunk);
    feed(Peer.client(CONFIG), input, chunk);
  }

  @Property(tries = 500)
  void sessionOnlyThrowsTypedErrorsOnPlausibleFrames(
      @ForAll("frameSequences") byte[] input,
      @ForAll @IntRange(min = 0, max = 40) int truncate,
      @ForAll @IntRange(min = 1, max = 300) int chunk) {
    byte[] cut = java.util.Arrays.copyOf(input, Math.max(0, input.length - truncate));
    feed(Peer.server(CONFIG), cut, chunk);
    feed(Peer.client(CONFIG), cut, chunk);
  }

  private static void feed(Peer peer, byte[] input, int chunk) {
    List<ByteBuf> inputs = new ArrayList<>();
    for (int i = 0; i < input.length; i += chunk) {
      ByteBuf part = Unpooled.copiedBuffer(input, i, Math.min(chunk, input.length - i));
      inputs.add(part);
      try {
        peer.session.receive(part);
      } catch (YamuxException e) {
        assertThat(peer.session.isClosed()).isTrue();
      }
      assertThat(peer.session.streamCount()).isLessThanOrEqualTo(CONFIG.maxInboundStreams());
      assertThat(peer.session.bufferedInputBytes())
          .isLessThanOrEqualTo(FrameHeader.SIZE + CONFIG.receiveWindow() + chunk);
    }
    peer.session.transportClosed();
    assertThat(inputs).allSatisfy(b -> assertThat(b.refCnt()).isZero());
    peer.releaseAll();
  }

  @Provide
  Arbitrary<byte[]> frameSequences() {
    Arbitrary<byte[]> frame =
        Combinators.combine(
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 15),
                Arbitraries.integers().between(0, 12),
                Arbitraries.integers().between(0, 300),
                Arbitraries.of(true, true, true, false))
            .as(YamuxFuzzTest::frameBytes);
    return frame
        .list()
        .ofMaxSize(30)
        .map(
            frames -> {
              ByteBuf all = Unpooled.buffer();
              frames.forEach(all::writeBytes);
              byte[] bytes = new byte[all.readableBytes()];
              all.readBytes(bytes);
              all.release();
              return bytes;
            });
  }

  private static byte[] frameBytes(
      int type, int flags, int streamId, int length, boolean honestPayload) {
    ByteBuf buf = Unpooled.buffer();
    buf.writeByte(0).writeByte(type).writeShort(flags).writeInt(streamId).writeInt(length);
    if (type == 0 && honestPayload) {
      buf.writeZero(length);
    }
    byte[] bytes = new byte[buf.readableBytes()];
    buf.readBytes(bytes);
    buf.release();
    return bytes;
  }

  private static void release(ByteBuf payload) {
    if (payload != null) {
      payload.release();
    }
  }
}
