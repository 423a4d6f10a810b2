package io.basalt.networking.host;

import static io.basalt.networking.host.TestHosts.address;
import static io.basalt.networking.host.TestHosts.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.networking.host.identify.IdentifyInfo;
import io.basalt.networking.host.identify.IdentifyProtocol;
import io.basalt.networking.host.ping.PingProtocol;
import io.basalt.networking.identity.Secp256k1PeerPrivateKey;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HostTest {
  private final TestHosts hosts = new TestHosts();

  @AfterEach
  void close() {
    hosts.close();
  }

  /** Echoes everything back, then closes when the peer does. */
  static final StreamHandler ECHO =
      stream ->
          stream.setReader(
              new StreamReader() {
                @Override
                public void onData(Stream s, ByteBuffer data) {
                  s.write(data);
                }

                @Override
                public void onRemoteClosed(Stream s) {
                  s.closeWrite();
                }
              });

  /** Collects a stream's input until the peer closes it. */
  static final class Collector implements StreamReader {
    final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    final CompletableFuture<byte[]> done = new CompletableFuture<>();

    @Override
    public synchronized void onData(Stream stream, ByteBuffer data) {
      byte[] chunk = new byte[data.remaining()];
      data.get(chunk);
      bytes.writeBytes(chunk);
    }

    @Override
    public synchronized void onRemoteClosed(Stream stream) {
      done.complete(bytes.toByteArray());
    }

    @Override
    public void onClosed(Stream stream, boolean reset) {
      done.completeExceptionally(new IllegalStateException("closed, reset=" + reset));
    }
  }

  @Test
  void shouldConnectAndIdentifyBothWays() {
    Host a = hosts.listening();
    Host b = hosts.listening();
    a.registerProtocol("/test/echo/1", ECHO);
    CompletableFuture<IdentifyInfo> aSawB = new CompletableFuture<>();
    a.addListener(
        new HostListener() {
          @Override
          public void onIdentified(Connection connection, IdentifyInfo info) {
            aSawB.complete(info);
          }
        });
    CompletableFuture<Connection> inbound = new CompletableFuture<>();
    a.addListener(
        new HostListener() {
          @Override
          public void onConnected(Connection connection) {
            inbound.complete(connection);
          }
        });

    Connection connection = await(b.dial(address(a)));

    assertThat(connection.remotePeer()).isEqualTo(a.peerId());
    assertThat(connection.direction()).isEqualTo(Direction.OUTBOUND);
    assertThat(connection.remoteAddress()).isEqualTo(a.listenAddresses().get(0));
    Connection seenByA = await(inbound);
    assertThat(seenByA.remotePeer()).isEqualTo(b.peerId());
    assertThat(seenByA.direction()).isEqualTo(Direction.INBOUND);

    IdentifyInfo bInfo = await(aSawB);
    assertThat(bInfo.agentVersion()).isEqualTo(HostConfig.DEFAULT_AGENT);
    assertThat(bInfo.protocols()).contains(IdentifyProtocol.PROTOCOL_ID, PingProtocol.PROTOCOL_ID);
    assertThat(bInfo.listenAddrs()).containsExactlyElementsOf(b.listenAddresses());
    // B reports the address it dialled A at.
    assertThat(bInfo.observedAddr()).contains(a.listenAddresses().get(0));
    TestHosts.eventually(() -> b.peerInfo(a.peerId()).isPresent());
    assertThat(b.peerInfo(a.peerId()).orElseThrow().protocols()).contains("/test/echo/1");
  }

  @Test
  void shouldPingBothWays() {
    Host a = hosts.listening();
    Host b = hosts.listening();
    await(b.dial(address(a)));
    TestHosts.eventually(() -> a.isConnected(b.peerId()));

    Duration rtt = await(b.ping(a.peerId(), Duration.ofSeconds(5)));
    Duration back = await(a.ping(b.peerId(), Duration.ofSeconds(5)));

    assertThat(rtt).isPositive();
    assertThat(back).isPositive();
  }

  @Test
  void shouldEchoOnManyConcurrentStreams() {
    Host a = hosts.listening();
    Host b = hosts.listening();
    a.registerProtocol("/test/echo/1", ECHO);
    Connection connection = await(b.dial(address(a)));
    SecureRandom random = new SecureRandom();
    List<byte[]> sent = new ArrayList<>();
    List<CompletableFuture<byte[]>> received = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      byte[] payload = new byte[1000 + random.nextInt(200_000)];
      random.nextBytes(payload);
      sent.add(payload);
      received.add(
          connection
              .openStream(List.of("/test/unknown", "/test/echo/1"))
              .thenCompose(
                  stream -> {
                    assertThat(stream.protocol()).isEqualTo("/test/echo/1");
                    Collector collector = new Collector();
                    stream.setReader(collector);
                    stream.write(payload);
                    stream.closeWrite();
                    return collector.done;
                  }));
    }
    for (int i = 0; i < sent.size(); i++) {
      assertThat(Arrays.equals(await(received.get(i)), sent.get(i))).as("stream %d", i).isTrue();
    }
  }

  @Test
  void shouldFailStreamWithUnsupportedProtocol() {
    Host a = hosts.listening();
    Host b = hosts.listening();
    Connection connection = await(b.dial(address(a)));

    assertThatThrownBy(() -> connection.openStream("/nobody/1").get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            HostException.class,
            e -> assertThat(e.reason()).isEqualTo(HostException.Reason.NEGOTIATION_FAILED));
    // The connection survives a refused stream.
    assertThat(await(b.ping(a.peerId(), Duration.ofSeconds(5)))).isPositive();
  }

  @Test
  void shouldRefuseDialWhenPeerIdDoesNotMatch() {
    Host a = hosts.listening();
    Host b = hosts.listening();
    var wrong =
        a.listenAddresses()
            .get(0)
            .withPeerId(Secp256k1PeerPrivateKey.random(new SecureRandom()).publicKey().toPeerId());

    assertThatThrownBy(() -> b.dial(wrong).get(10, TimeUnit.SECONDS))
        .cause()
        .isInstanceOfSatisfying(
            HostException.class,
            e -> assertThat(e.reason()).isEqualTo(HostException.Reason.SECURITY_FAILED));
  }

  @Test
  void shouldEnforceConnectionsPerPeer() {
    Host a = hosts.listening(TestHosts.config().withConnectionLimits(10, 1));
    Host b = hosts.listening();
    await(b.dial(address(a)));

    assertThatThrownBy(() -> b.dial(address(a)).get(10, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(HostException.class);
    assertThat(a.connections(b.peerId())).hasSize(1);
  }

  @Test
  void shouldReportDisconnectAndCloseStreams() {
    Host a = hosts.listening();
    Host b = hosts.listening();
    CompletableFuture<Connection> gone = new CompletableFuture<>();
    a.addListener(
        new HostListener() {
          @Override
          public void onDisconnected(Connection connection) {
            gone.complete(connection);
          }
        });
    a.registerProtocol("/test/echo/1", ECHO);
    Connection connection = await(b.dial(address(a)));
    Stream stream = await(connection.openStream("/test/echo/1"));
    Collector collector = new Collector();
    stream.setReader(collector);

    await(connection.close());

    assertThat(await(gone).remotePeer()).isEqualTo(b.peerId());
    await(stream.closeFuture());
    assertThat(collector.done).isCompletedExceptionally();
    assertThat(b.isConnected(a.peerId())).isFalse();
  }

  @Test
  void shouldTransferManyMegabytesWithBackpressure() throws Exception {
    Host a = hosts.listening();
    Host b = hosts.listening();
    java.util.concurrent.atomic.AtomicLong count = new java.util.concurrent.atomic.AtomicLong();
    CompletableFuture<Long> total = new CompletableFuture<>();
    a.registerProtocol(
        "/test/sink/1",
        stream ->
            stream.setReader(
                new StreamReader() {
                  @Override
                  public void onData(Stream s, ByteBuffer data) {
                    count.addAndGet(data.remaining());
                  }

                  @Override
                  public void onRemoteClosed(Stream s) {
                    total.complete(count.get());
                    s.close();
                  }
                }));
    Connection connection = await(b.dial(address(a)));
    Stream stream = await(connection.openStream("/test/sink/1"));
    byte[] chunk = new byte[64 * 1024];
    java.util.ArrayDeque<CompletableFuture<Void>> inFlight = new java.util.ArrayDeque<>();
    int writes = 256;
    for (int i = 0; i < writes; i++) {
      if (inFlight.size() == 16) {
        inFlight.poll().get(10, TimeUnit.SECONDS);
      }
      inFlight.add(stream.write(chunk));
    }
    // FIN is requested while writes are still queued: it must go after them.
    stream.closeWrite();

    assertThat(await(total)).isEqualTo((long) writes * chunk.length);
    for (CompletableFuture<Void> write : inFlight) {
      assertThat(write).isCompleted().isNotCompletedExceptionally();
    }
  }
}
