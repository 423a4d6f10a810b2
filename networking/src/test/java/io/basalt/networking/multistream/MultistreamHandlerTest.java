package io.basalt.networking.multistream;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultistreamHandlerTest {

  /** Records user events and reads that reach the end of the pipeline. */
  static final class Recorder extends ChannelInboundHandlerAdapter {
    final List<Object> events = new ArrayList<>();
    final List<byte[]> reads = new ArrayList<>();
    final List<Throwable> errors = new ArrayList<>();

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      events.add(evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ByteBuf buf = (ByteBuf) msg;
      reads.add(ByteBufUtil.getBytes(buf));
      buf.release();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      errors.add(cause);
    }
  }

  @Test
  void shouldNegotiateBetweenTwoChannelsAndPassOnPipelinedBytes() {
    Recorder dialerEnd = new Recorder();
    Recorder listenerEnd = new Recorder();
    EmbeddedChannel dialer =
        new EmbeddedChannel(
            new MultistreamHandler(new MultistreamInitiator(List.of("/mplex/6.7.0", "/noise"))),
            dialerEnd);
    EmbeddedChannel listener =
        new EmbeddedChannel(
            new MultistreamHandler(new MultistreamResponder(List.of("/noise"))), listenerEnd);

    // Shuttle bytes until both sides are quiet.
    for (int round = 0; round < 5; round++) {
      shuttle(dialer, listener);
      shuttle(listener, dialer);
    }
    assertThat(dialerEnd.events).containsExactly(new ProtocolNegotiatedEvent("/noise"));
    assertThat(listenerEnd.events).containsExactly(new ProtocolNegotiatedEvent("/noise"));
    assertThat(dialer.pipeline().get(MultistreamHandler.class)).isNull();
    assertThat(listener.pipeline().get(MultistreamHandler.class)).isNull();

    // After agreement, bytes flow straight through.
    listener.writeInbound(Unpooled.wrappedBuffer(new byte[] {9, 8, 7}));
    assertThat(listenerEnd.reads).containsExactly(new byte[] {9, 8, 7});
  }

  @Test
  void shouldPassBytesPipelinedBehindTheProposalToTheNextHandler() {
    Recorder end = new Recorder();
    EmbeddedChannel listener =
        new EmbeddedChannel(
            new MultistreamHandler(new MultistreamResponder(List.of("/noise"))), end);
    byte[] opening = new MultistreamInitiator(List.of("/noise")).start();
    byte[] withData = MultistreamNegotiatorTest.concat(opening, new byte[] {0, 32, 5});
    listener.writeInbound(Unpooled.wrappedBuffer(withData));
    assertThat(end.events).containsExactly(new ProtocolNegotiatedEvent("/noise"));
    assertThat(end.reads).containsExactly(new byte[] {0, 32, 5});
    ByteBuf answer = listener.readOutbound();
    assertThat(ByteBufUtil.getBytes(answer))
        .isEqualTo(
            MultistreamNegotiatorTest.concat(
                MultistreamMessages.encode(MultistreamMessages.PROTOCOL_ID),
                MultistreamMessages.encode("/noise")));
    answer.release();
  }

  @Test
  void shouldCloseTheChannelWhenNegotiationFails() {
    Recorder end = new Recorder();
    EmbeddedChannel listener =
        new EmbeddedChannel(
            new MultistreamHandler(new MultistreamResponder(List.of("/noise"))), end);
    listener.writeInbound(Unpooled.wrappedBuffer(MultistreamMessages.encode("hello")));
    assertThat(end.errors).singleElement().isInstanceOf(MultistreamException.class);
    assertThat(listener.isOpen()).isFalse();
  }

  private static void shuttle(EmbeddedChannel from, EmbeddedChannel to) {
    ByteBuf out;
    while ((out = from.readOutbound()) != null) {
      to.writeInbound(out);
    }
  }
}
