package io.basalt.networking.host;

import io.basalt.networking.identity.Secp256k1PeerPrivateKey;
import io.basalt.networking.multiaddr.Multiaddr;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Stream throughput between two hosts over loopback TCP, through Noise and yamux: each operation
 * sends 16 MiB on one stream in 64 KiB writes (at most 16 in flight), half-closes, and waits for
 * the receiver's one-byte acknowledgement after it counted every byte. MB/s = 16.777 / (s/op).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HostThroughputBenchmark {
  static final String SINK = "/bench/sink/1";
  private static final int WRITE = 64 * 1024;
  private static final int TOTAL = 16 * 1024 * 1024;

  private Host sender;
  private Host receiver;
  private Connection connection;
  private final byte[] chunk = new byte[WRITE];

  /** Counts bytes; on the sender's FIN answers one byte and closes. */
  static final StreamHandler SINK_HANDLER =
      stream -> {
        AtomicLong count = new AtomicLong();
        stream.setReader(
            new StreamReader() {
              @Override
              public void onData(Stream s, ByteBuffer data) {
                count.addAndGet(data.remaining());
              }

              @Override
              public void onRemoteClosed(Stream s) {
                s.write(new byte[] {(byte) (count.get() == TOTAL ? 1 : 0)});
                s.close();
              }
            });
      };

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    SecureRandom random = new SecureRandom();
    random.nextBytes(chunk);
    sender = new Host(HostConfig.defaults(Secp256k1PeerPrivateKey.random(random)).withIoThreads(1));
    receiver =
        new Host(HostConfig.defaults(Secp256k1PeerPrivateKey.random(random)).withIoThreads(1));
    receiver.registerProtocol(SINK, SINK_HANDLER);
    Multiaddr address =
        receiver.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get(10, TimeUnit.SECONDS);
    connection = sender.dial(address.withPeerId(receiver.peerId())).get(10, TimeUnit.SECONDS);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    sender.close();
    receiver.close();
  }

  @Benchmark
  public byte send16MiB() throws Exception {
    Stream stream = connection.openStream(SINK).get(10, TimeUnit.SECONDS);
    CompletableFuture<Byte> ack = new CompletableFuture<>();
    stream.setReader(
        new StreamReader() {
          @Override
          public void onData(Stream s, ByteBuffer data) {
            ack.complete(data.get());
          }

          @Override
          public void onClosed(Stream s, boolean reset) {
            ack.completeExceptionally(new IllegalStateException("closed without ack"));
          }
        });
    ArrayDeque<CompletableFuture<Void>> inFlight = new ArrayDeque<>();
    for (int sent = 0; sent < TOTAL; sent += WRITE) {
      if (inFlight.size() == 16) {
        inFlight.poll().get(10, TimeUnit.SECONDS);
      }
      inFlight.add(stream.write(chunk));
    }
    stream.closeWrite();
    byte result = ack.get(30, TimeUnit.SECONDS);
    if (result != 1) {
      throw new IllegalStateException("receiver did not count every byte");
    }
    return result;
  }
}
