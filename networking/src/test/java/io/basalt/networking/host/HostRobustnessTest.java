package io.basalt.networking.host;

import static io.basalt.networking.host.TestHosts.address;
import static io.basalt.networking.host.TestHosts.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.networking.encoding.VarintFrames;
import io.basalt.networking.identity.Secp256k1PeerPrivateKey;
import io.basalt.networking.multiaddr.Multiaddr;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Garbage, truncated handshakes and silent peers end as closed connections, never a crash. */
class HostRobustnessTest {
  private final TestHosts hosts = new TestHosts();

  @AfterEach
  void close() {
    hosts.close();
  }

  private static HostConfig quickTimeouts() {
    Duration t = Duration.ofMillis(500);
    return TestHosts.config().withTimeouts(t, t, t, t);
  }

  private static byte[] message(String line) {
    return VarintFrames.encode((line + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Sends bytes and asserts the host closes the socket (EOF or reset) within the wait. */
  private static void assertClosedAfterSending(Host host, byte[] bytes) throws IOException {
    int port = Integer.parseInt(host.listenAddresses().get(0).components().get(1).valueText());
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout((int) TestHosts.WAIT.toMillis());
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      byte[] sink = new byte[4096];
      try {
        while (in.read(sink) >= 0) {
          // drain what the host says until it closes
        }
      } catch (SocketTimeoutException e) {
        throw new AssertionError("host kept a garbage connection open", e);
      } catch (IOException e) {
        // reset by the host: closed too
      }
    }
  }

  private static void assertStillServes(Host host) {
    Host client = new Host(TestHosts.config());
    try {
      Connection connection = await(client.dial(address(host)));
      assertThat(
              await(connection.openStream(io.basalt.networking.host.ping.PingProtocol.PROTOCOL_ID)))
          .isNotNull();
    } finally {
      client.close();
    }
  }

  @Test
  void shouldCloseConnectionsSendingRandomBytes() throws IOException {
    Host host = hosts.listening(quickTimeouts());
    Random random = new Random(42);
    for (int i = 0; i < 20; i++) {
      byte[] garbage = new byte[1 + random.nextInt(3000)];
      random.nextBytes(garbage);
      assertClosedAfterSending(host, garbage);
    }
    assertStillServes(host);
  }

  @Test
  void shouldCloseTruncatedAndForgedHandshakes() throws IOException {
    Host host = hosts.listening(quickTimeouts());
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    header.writeBytes(message("/multistream/1.0.0"));
    header.writeBytes(message("/noise"));
    byte[] noiseAgreed = header.toByteArray();

    // multistream header only, then silence: the security timeout closes it
    assertClosedAfterSending(host, message("/multistream/1.0.0"));
    // /noise agreed, then half a Noise message
    ByteArrayOutputStream half = new ByteArrayOutputStream();
    half.writeBytes(noiseAgreed);
    half.writeBytes(new byte[] {0, 32, 1, 2, 3});
    assertClosedAfterSending(host, half.toByteArray());
    // /noise agreed, then a full but forged first message followed by a bogus second one
    ByteArrayOutputStream forged = new ByteArrayOutputStream();
    forged.writeBytes(noiseAgreed);
    forged.writeBytes(new byte[] {0, 32});
    forged.writeBytes(new byte[32]);
    forged.writeBytes(new byte[] {0, 100});
    forged.writeBytes(new byte[100]);
    assertClosedAfterSending(host, forged.toByteArray());
    // an unknown security protocol, then too many proposals
    ByteArrayOutputStream proposals = new ByteArrayOutputStream();
    proposals.writeBytes(message("/multistream/1.0.0"));
    for (int i = 0; i < 100; i++) {
      proposals.writeBytes(message("/tls/" + i));
    }
    assertClosedAfterSending(host, proposals.toByteArray());
    // an enormous multistream length prefix
    assertClosedAfterSending(host, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f});

    assertStillServes(host);
  }

  @Test
  void shouldTimeOutASilentListener() throws IOException {
    Host host = hosts.start(quickTimeouts());
    try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      Multiaddr address =
          Multiaddr.parse("/ip4/127.0.0.1/tcp/" + silent.getLocalPort())
              .withPeerId(
                  Secp256k1PeerPrivateKey.random(new SecureRandom()).publicKey().toPeerId());

      assertThatThrownBy(() -> host.dial(address).get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOfSatisfying(
              HostException.class,
              e -> assertThat(e.reason()).isEqualTo(HostException.Reason.SECURITY_TIMEOUT));
    }
  }

  @Test
  void shouldFailToConnectToAClosedPort() throws IOException {
    Host host = hosts.start(quickTimeouts());
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    Multiaddr address =
        Multiaddr.parse("/ip4/127.0.0.1/tcp/" + port)
            .withPeerId(Secp256k1PeerPrivateKey.random(new SecureRandom()).publicKey().toPeerId());

    assertThatThrownBy(() -> host.dial(address).get(10, TimeUnit.SECONDS))
        .cause()
        .isInstanceOfSatisfying(
            HostException.class,
            e -> assertThat(e.reason()).isEqualTo(HostException.Reason.CONNECT_FAILED));
  }

  @Test
  void shouldRejectDialsWithoutPeerIdOrToSelf() {
    Host host = hosts.listening();

    assertThatThrownBy(() -> host.dial(host.listenAddresses().get(0)).join())
        .cause()
        .isInstanceOfSatisfying(
            HostException.class,
            e -> assertThat(e.reason()).isEqualTo(HostException.Reason.BAD_ADDRESS));
    assertThatThrownBy(() -> host.dial(address(host)).join())
        .cause()
        .isInstanceOfSatisfying(
            HostException.class,
            e -> assertThat(e.reason()).isEqualTo(HostException.Reason.SELF_DIAL));
  }

  @Test
  void shouldRefuseConnectionsBeyondTheTotalLimit() throws IOException {
    Host host = hosts.listening(TestHosts.config().withConnectionLimits(1, 1));
    int port = Integer.parseInt(host.listenAddresses().get(0).components().get(1).valueText());
    try (Socket occupying = new Socket(InetAddress.getLoopbackAddress(), port)) {
      // The first (silent) connection takes the only slot; a real dial is refused.
      Host client = hosts.start();
      assertThatThrownBy(() -> client.dial(address(host)).get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class);
      assertThat(occupying.isConnected()).isTrue();
    }
  }
}
