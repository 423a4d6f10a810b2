package io.basalt.networking.noise;

import static io.basalt.networking.noise.NoiseTestPeers.INITIATOR_IDENTITY;
import static io.basalt.networking.noise.NoiseTestPeers.RESPONDER_IDENTITY;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.networking.identity.Secp256k1PeerPrivateKey;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NoiseHandlerTest {

  /** Collects what reaches the application end of a pipeline. */
  static final class Application extends ChannelInboundHandlerAdapter {
    final List<Object> events = new ArrayList<>();
    final ByteArrayOutputStream received = new ByteArrayOutputStream();
    final List<Throwable> errors = new ArrayList<>();

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      events.add(evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ByteBuf buf = (ByteBuf) msg;
      received.writeBytes(ByteBufUtil.getBytes(buf));
      buf.release();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      errors.add(cause);
    }
  }

  private final Application dialerApp = new Application();
  private final Application listenerApp = new Application();

  @Test
  void shouldSecureAChannelPairAndCarryDataBothWays() {
    EmbeddedChannel dialer =
        new EmbeddedChannel(
            new NoiseHandler(NoiseTestPeers.initiator(Optional.of(RESPONDER_IDENTITY.peerId()))),
            dialerApp);
    EmbeddedChannel listener =
        new EmbeddedChannel(new NoiseHandler(NoiseTestPeers.responder()), listenerApp);

    // Written before the handshake: queued, then sent encrypted.
    ChannelFuture early = dialer.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {42}));
    assertThat(early.isDone()).isFalse();
    pump(dialer, listener);

    assertThat(dialerApp.events)
        .containsExactly(new NoiseSecuredEvent(RESPONDER_IDENTITY.peerId(), NoiseExtensions.NONE));
    assertThat(listenerApp.events)
        .containsExactly(new NoiseSecuredEvent(INITIATOR_IDENTITY.peerId(), NoiseExtensions.NONE));
    assertThat(early.isSuccess()).isTrue();
    assertThat(listenerApp.received.toByteArray()).containsExactly(42);

    byte[] large = new byte[150_000];
    new SecureRandom().nextBytes(large);
    listener.writeAndFlush(Unpooled.wrappedBuffer(large));
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    ByteBuf out;
    while ((out = listener.readOutbound()) != null) {
      wire.writeBytes(ByteBufUtil.getBytes(out));
      dialer.writeInbound(out);
    }
    assertThat(dialerApp.received.toByteArray()).isEqualTo(large);
    // Three frames (65519 + 65519 + 18962 bytes of plaintext), each with a length and a tag.
    assertThat(wire.size()).isEqualTo(large.length + 3 * (2 + 16));
    assertThat(dialerApp.errors).isEmpty();
    assertThat(listenerApp.errors).isEmpty();
  }

  @Test
  void shouldCloseTheChannelOnATamperedFrame() {
    EmbeddedChannel dialer =
        new EmbeddedChannel(
            new NoiseHandler(NoiseTestPeers.initiator(Optional.empty())), dialerApp);
    EmbeddedChannel listener =
        new EmbeddedChannel(new NoiseHandler(NoiseTestPeers.responder()), listenerApp);
    pump(dialer, listener);
    dialer.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {1, 2, 3}));
    ByteBuf frame = dialer.readOutbound();
    frame.setByte(frame.writerIndex() - 1, frame.getByte(frame.writerIndex() - 1) ^ 1);
    listener.writeInbound(frame);
    assertThat(listenerApp.errors).singleElement().isInstanceOf(NoiseException.class);
    assertThat(listenerApp.received.size()).isZero();
    assertThat(listener.isOpen()).isFalse();
  }

  @Test
  void shouldCloseTheChannelWhenTheWrongPeerAnswers() {
    EmbeddedChannel dialer =
        new EmbeddedChannel(
            new NoiseHandler(
                NoiseTestPeers.initiator(
                    Optional.of(Secp256k1PeerPrivateKey.random(new SecureRandom()).peerId()))),
            dialerApp);
    EmbeddedChannel listener =
        new EmbeddedChannel(new NoiseHandler(NoiseTestPeers.responder()), listenerApp);
    ChannelFuture early = dialer.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {1}));
    pump(dialer, listener);
    assertThat(dialerApp.errors).singleElement().isInstanceOf(NoiseException.class);
    assertThat(dialerApp.events).isEmpty();
    assertThat(dialer.isOpen()).isFalse();
    assertThat(early.isSuccess()).isFalse();
  }

  @Test
  void shouldPassPlaintextPipelinedBehindTheLastHandshakeMessage() {
    EmbeddedChannel dialer =
        new EmbeddedChannel(
            new NoiseHandler(NoiseTestPeers.initiator(Optional.empty())), dialerApp);
    EmbeddedChannel listener =
        new EmbeddedChannel(new NoiseHandler(NoiseTestPeers.responder()), listenerApp);
    dialer.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {7, 7}));
    listener.writeInbound((ByteBuf) dialer.readOutbound()); // message 1
    dialer.writeInbound((ByteBuf) listener.readOutbound()); // message 2; dialer sends 3 + data
    ByteBuf combined = Unpooled.buffer();
    ByteBuf part;
    while ((part = dialer.readOutbound()) != null) {
      combined.writeBytes(part);
      part.release();
    }
    listener.writeInbound(combined); // one read holding message 3 and the first data frame
    assertThat(listenerApp.events).hasSize(1);
    assertThat(listenerApp.received.toByteArray()).containsExactly(7, 7);
  }

  /** Moves bytes between the two channels until neither has anything to send. */
  private static void pump(EmbeddedChannel a, EmbeddedChannel b) {
    boolean moved = true;
    while (moved) {
      moved = false;
      ByteBuf out;
      while ((out = a.readOutbound()) != null) {
        b.writeInbound(out);
        moved = true;
      }
      while ((out = b.readOutbound()) != null) {
        a.writeInbound(out);
        moved = true;
      }
    }
  }
}
