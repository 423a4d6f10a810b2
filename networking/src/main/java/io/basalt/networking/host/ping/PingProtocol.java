package io.basalt.networking.host.ping;

import io.basalt.networking.host.Connection;
import io.basalt.networking.host.HostException;
import io.basalt.networking.host.Stream;
import io.basalt.networking.host.StreamHandler;
import io.basalt.networking.host.StreamReader;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code /ipfs/ping/1.0.0}: the initiator sends 32 random bytes, the responder echoes every 32
 * bytes it receives until the stream ends; the round trip is the RTT.
 */
public final class PingProtocol implements StreamHandler {

  public static final String PROTOCOL_ID = "/ipfs/ping/1.0.0";
  public static final int PAYLOAD_SIZE = 32;

  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public void onStream(Stream stream) {
    stream.setReader(new Echo());
  }

  /** Echoes complete 32-byte payloads; holds at most one partial payload. */
  private static final class Echo implements StreamReader {
    private final byte[] partial = new byte[PAYLOAD_SIZE];
    private int size;

    @Override
    public void onData(Stream stream, ByteBuffer data) {
      while (data.hasRemaining()) {
        int n = Math.min(PAYLOAD_SIZE - size, data.remaining());
        data.get(partial, size, n);
        size += n;
        if (size == PAYLOAD_SIZE) {
          stream.write(partial.clone());
          size = 0;
        }
      }
    }

    @Override
    public void onRemoteClosed(Stream stream) {
      stream.close();
    }
  }

  /** Pings once over a new stream and completes with the round-trip time. */
  public static CompletableFuture<Duration> ping(Connection connection, Duration timeout) {
    byte[] payload = new byte[PAYLOAD_SIZE];
    RANDOM.nextBytes(payload);
    return connection
        .openStream(PROTOCOL_ID)
        .thenCompose(
            stream -> {
              CompletableFuture<Duration> rtt = new CompletableFuture<>();
              stream.setReader(new Reply(payload, rtt, System.nanoTime()));
              stream.write(payload.clone());
              return rtt.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                  .whenComplete((d, e) -> stream.close());
            });
  }

  private static final class Reply implements StreamReader {
    private final byte[] expected;
    private final CompletableFuture<Duration> rtt;
    private final long start;
    private final byte[] received = new byte[PAYLOAD_SIZE];
    private int size;

    Reply(byte[] expected, CompletableFuture<Duration> rtt, long start) {
      this.expected = expected;
      this.rtt = rtt;
      this.start = start;
    }

    @Override
    public void onData(Stream stream, ByteBuffer data) {
      int n = Math.min(PAYLOAD_SIZE - size, data.remaining());
      data.get(received, size, n);
      size += n;
      if (size == PAYLOAD_SIZE) {
        if (Arrays.equals(expected, received)) {
          rtt.complete(Duration.ofNanos(System.nanoTime() - start));
        } else {
          rtt.completeExceptionally(
              new HostException(HostException.Reason.CLOSED, "ping echo does not match"));
          stream.reset();
        }
      }
    }

    @Override
    public void onClosed(Stream stream, boolean reset) {
      rtt.completeExceptionally(
          new HostException(HostException.Reason.CLOSED, "ping stream ended before the echo"));
    }
  }
}
