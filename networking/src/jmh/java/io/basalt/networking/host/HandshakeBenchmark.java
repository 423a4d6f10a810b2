package io.basalt.networking.host;

import io.basalt.networking.host.ping.PingProtocol;
import io.basalt.networking.identity.Secp256k1PeerPrivateKey;
import io.basalt.networking.multiaddr.Multiaddr;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
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
 * Connection set-up latency over loopback: TCP connect, multistream {@code /noise}, the Noise XX
 * handshake with secp256k1 identities, multistream {@code /yamux/1.0.0}, then a first stream
 * negotiated ({@code /ipfs/ping/1.0.0}); the connection is closed after each operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HandshakeBenchmark {

  private Host dialer;
  private Host listener;
  private Multiaddr address;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    SecureRandom random = new SecureRandom();
    dialer = new Host(HostConfig.defaults(Secp256k1PeerPrivateKey.random(random)).withIoThreads(1));
    listener =
        new Host(HostConfig.defaults(Secp256k1PeerPrivateKey.random(random)).withIoThreads(1));
    address =
        listener
            .listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0"))
            .get(10, TimeUnit.SECONDS)
            .withPeerId(listener.peerId());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    dialer.close();
    listener.close();
  }

  @Benchmark
  public Stream dialToFirstStream() throws Exception {
    Connection connection = dialer.dial(address).get(10, TimeUnit.SECONDS);
    Stream stream = connection.openStream(PingProtocol.PROTOCOL_ID).get(10, TimeUnit.SECONDS);
    connection.close().get(10, TimeUnit.SECONDS);
    return stream;
  }
}
