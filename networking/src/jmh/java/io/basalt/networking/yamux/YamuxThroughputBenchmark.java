package io.basalt.networking.yamux;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One stream between two in-memory sessions: each operation writes 64 KiB on the client and moves
 * every frame (data one way, window updates back) until both sides are idle; the receiver consumes
 * at once. MB/s = ops/s × 0.065536.
 *
 * <p>The session never copies payload bytes (frames are slices of the written buffer), so with
 * {@code copy=false} this measures framing and flow-control overhead only; {@code copy=true} makes
 * the wire a contiguous byte stream (as after encryption) and has the receiver copy the data out.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class YamuxThroughputBenchmark {
  private static final int WRITE_SIZE = 64 * 1024;

  /** A sink that queues frames for the pump. */
  static final class Pipe implements FrameSink {
    final ArrayDeque<ByteBuf> frames = new ArrayDeque<>();

    @Override
    public void write(ByteBuf frame) {
      frames.add(frame);
    }

    @Override
    public void flush() {}
  }

  private final Pipe clientOut = new Pipe();
  private final Pipe serverOut = new Pipe();
  private YamuxSession client;
  private YamuxSession server;
  private ByteBuf payload;
  private int streamId;
  private final byte[] sinkArray = new byte[WRITE_SIZE];
  private long bytesReceived;

  /** Whether frames are flattened on the wire and the receiver copies the data out. */
  @Param({"false", "true"})
  public boolean copy;

  @Setup(Level.Trial)
  public void setUp() throws YamuxException {
    payload = Unpooled.directBuffer(WRITE_SIZE).writeZero(WRITE_SIZE);
    client = YamuxSession.client(YamuxConfig.DEFAULT, clientOut, new YamuxListener() {});
    server =
        YamuxSession.server(
            YamuxConfig.DEFAULT,
            serverOut,
            new YamuxListener() {
              @Override
              public void onData(int id, ByteBuf data) {
                int n = data.readableBytes();
                bytesReceived += n;
                if (copy) {
                  data.readBytes(sinkArray, 0, n);
                }
                data.release();
                server.consumed(id, n);
              }
            });
    streamId = client.openStream();
    pump();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (bytesReceived == 0) {
      throw new IllegalStateException("no data arrived");
    }
    client.transportClosed();
    server.transportClosed();
    payload.release();
  }

  @Benchmark
  public long writeOneChunk() throws YamuxException {
    client.write(streamId, payload.retainedDuplicate());
    pump();
    return bytesReceived;
  }

  private static ByteBuf flatten(ByteBuf frame) {
    // Pooled direct memory, as a Netty transport would read into.
    ByteBuf flat =
        PooledByteBufAllocator.DEFAULT.directBuffer(frame.readableBytes()).writeBytes(frame);
    frame.release();
    return flat;
  }

  private void pump() throws YamuxException {
    while (!clientOut.frames.isEmpty() || !serverOut.frames.isEmpty()) {
      ByteBuf frame;
      while ((frame = clientOut.frames.poll()) != null) {
        server.receive(copy ? flatten(frame) : frame);
      }
      while ((frame = serverOut.frames.poll()) != null) {
        client.receive(frame);
      }
    }
  }
}
