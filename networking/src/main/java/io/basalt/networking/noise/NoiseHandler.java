package io.basalt.networking.noise;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.ByteToMessageCodec;
import io.netty.util.ReferenceCountUtil;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Secures a channel with Noise: runs the {@link NoiseHandshake} over 2-byte-length frames, fires
 * {@link NoiseSecuredEvent}, then decrypts inbound frames into plaintext {@link ByteBuf}s and
 * encrypts outbound {@link ByteBuf}s (split into frames of at most 65535 bytes).
 *
 * <p>Writes made before the handshake completes are queued and sent once it does. Any {@link
 * NoiseException} (a forged or corrupt frame, an invalid identity, the wrong peer) is fired through
 * {@code exceptionCaught}, fails queued writes and closes the channel. One instance per channel.
 */
public final class NoiseHandler extends ByteToMessageCodec<ByteBuf> {

  private final NoiseHandshake handshake;
  private NoiseSession session;
  // Plaintext written before the handshake completed; it must go through encode, never past it.
  private final ArrayDeque<PendingWrite> pendingWrites = new ArrayDeque<>();
  // Staging for frames held outside the heap (socket buffers, composite writes); one frame at most.
  private final byte[] scratch = new byte[NoiseFrames.MAX_MESSAGE_LENGTH];
  private boolean started;
  private boolean failed;

  public NoiseHandler(NoiseHandshake handshake) {
    // Heap output buffers: the cipher writes straight into their arrays (sized in encode).
    super(ByteBuf.class, false);
    this.handshake = handshake;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
    super.handlerAdded(ctx);
    if (ctx.channel().isActive()) {
      start(ctx);
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    start(ctx);
    super.channelActive(ctx);
  }

  private void start(ChannelHandlerContext ctx) {
    if (started) {
      return;
    }
    started = true;
    if (handshake.isMyTurn()) {
      sendHandshakeMessage(ctx);
    }
  }

  private void sendHandshakeMessage(ChannelHandlerContext ctx) {
    byte[] frame = NoiseFrames.frame(handshake.writeMessage());
    ctx.writeAndFlush(Unpooled.wrappedBuffer(frame));
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (!failed && in.readableBytes() >= 2) {
      int length = in.getUnsignedShort(in.readerIndex());
      if (in.readableBytes() < 2 + length) {
        return;
      }
      in.skipBytes(2);
      try {
        if (session == null) {
          byte[] message = ByteBufUtil.getBytes(in, in.readerIndex(), length);
          in.skipBytes(length);
          onHandshakeMessage(ctx, message);
        } else {
          out.add(decrypt(ctx, in, length));
        }
      } catch (NoiseException e) {
        fail(ctx, e);
      }
    }
    if (failed) {
      in.skipBytes(in.readableBytes());
    }
  }

  /** Decrypts the next {@code length} bytes of {@code in} into a pooled heap buffer. */
  private ByteBuf decrypt(ChannelHandlerContext ctx, ByteBuf in, int length) {
    byte[] source;
    int offset;
    if (in.hasArray()) {
      source = in.array();
      offset = in.arrayOffset() + in.readerIndex();
    } else {
      // Socket reads land in direct memory; the JDK cipher works on arrays.
      in.getBytes(in.readerIndex(), scratch, 0, length);
      source = scratch;
      offset = 0;
    }
    in.skipBytes(length);
    ByteBuf plain = ctx.alloc().heapBuffer(Math.max(0, length - CipherState.TAG_LENGTH));
    try {
      session.decryptMessage(
          source, offset, length, plain.array(), plain.arrayOffset() + plain.writerIndex());
      plain.writerIndex(plain.writerIndex() + length - CipherState.TAG_LENGTH);
      return plain;
    } catch (RuntimeException e) {
      plain.release();
      throw e;
    }
  }

  private void onHandshakeMessage(ChannelHandlerContext ctx, byte[] message) {
    handshake.readMessage(message);
    if (handshake.isMyTurn()) {
      sendHandshakeMessage(ctx);
    }
    if (handshake.isComplete()) {
      session = handshake.session();
      ctx.fireUserEventTriggered(
          new NoiseSecuredEvent(session.remotePeerId(), session.remoteExtensions()));
      flushPendingWrites(ctx);
    }
  }

  private void fail(ChannelHandlerContext ctx, NoiseException e) {
    failed = true;
    failPendingWrites(e);
    ctx.fireExceptionCaught(e);
    ctx.close();
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise)
      throws Exception {
    if (!(msg instanceof ByteBuf)) {
      // Anything else would pass the encoder unencrypted.
      ReferenceCountUtil.release(msg);
      promise.setFailure(
          new IllegalArgumentException("NoiseHandler only writes ByteBuf, got " + msg.getClass()));
    } else if (failed) {
      ReferenceCountUtil.release(msg);
      promise.setFailure(new ClosedChannelException());
    } else if (session == null) {
      pendingWrites.add(new PendingWrite(msg, promise));
    } else {
      super.write(ctx, msg, promise);
    }
  }

  private static int encryptedLength(int plaintext) {
    int frames =
        (plaintext + NoiseFrames.MAX_PLAINTEXT_LENGTH - 1) / NoiseFrames.MAX_PLAINTEXT_LENGTH;
    return plaintext + frames * (2 + CipherState.TAG_LENGTH);
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, ByteBuf msg, ByteBuf out) {
    int total = msg.readableBytes();
    out.ensureWritable(encryptedLength(total));
    int start = msg.readerIndex();
    for (int done = 0; done < total; ) {
      int length = Math.min(NoiseFrames.MAX_PLAINTEXT_LENGTH, total - done);
      byte[] source;
      int offset;
      if (msg.hasArray()) {
        source = msg.array();
        offset = msg.arrayOffset() + start + done;
      } else {
        msg.getBytes(start + done, scratch, 0, length);
        source = scratch;
        offset = 0;
      }
      out.writeShort(length + CipherState.TAG_LENGTH);
      int at = out.writerIndex();
      session.encryptMessage(source, offset, length, out.array(), out.arrayOffset() + at);
      out.writerIndex(at + length + CipherState.TAG_LENGTH);
      done += length;
    }
    msg.skipBytes(total);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) throws Exception {
    failPendingWrites(new ClosedChannelException());
    super.handlerRemoved(ctx);
  }

  private void flushPendingWrites(ChannelHandlerContext ctx) {
    PendingWrite pending;
    while ((pending = pendingWrites.poll()) != null) {
      try {
        super.write(ctx, pending.msg(), pending.promise());
      } catch (Exception e) {
        pending.promise().tryFailure(e);
      }
    }
    ctx.flush();
  }

  private void failPendingWrites(Throwable cause) {
    PendingWrite pending;
    while ((pending = pendingWrites.poll()) != null) {
      ReferenceCountUtil.release(pending.msg());
      pending.promise().tryFailure(cause);
    }
  }

  private record PendingWrite(Object msg, ChannelPromise promise) {}
}
