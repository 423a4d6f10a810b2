package io.basalt.networking.peers;

import static io.basalt.networking.host.TestHosts.address;
import static io.basalt.networking.host.TestHosts.await;
import static io.basalt.networking.host.TestHosts.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.networking.host.Host;
import io.basalt.networking.host.HostConfig;
import io.basalt.networking.host.HostException;
import io.basalt.networking.host.TestHosts;
import io.basalt.networking.multiaddr.Multiaddr;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PeerManagerTest {
  private final TestHosts hosts = new TestHosts();
  private PeerManager manager;

  @AfterEach
  void close() {
    if (manager != null) {
      manager.close();
    }
    hosts.close();
  }

  private PeerManager manage(Host host, PeerManagerConfig config) {
    manager = new PeerManager(host, new InMemoryPeerStore(), config, Clock.systemUTC());
    manager.start();
    return manager;
  }

  private static PeerManagerConfig fast(List<Multiaddr> bootnodes) {
    return PeerManagerConfig.defaults(bootnodes)
        .withBackoff(
            new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)), Duration.ofMillis(50));
  }

  private static void assertRefused(Host from, Host to) {
    assertThatThrownBy(() -> from.dial(address(to)).get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(HostException.class);
  }

  @Test
  void shouldKeepABannedPeerOutUntilUnbanned() {
    Host a = hosts.listening();
    Host b = hosts.listening();
    PeerManager peers = manage(a, fast(List.of()));
    await(b.dial(address(a)));
    eventually(() -> a.isConnected(b.peerId()));

    peers.ban(b.peerId(), Duration.ofMinutes(10), "test");

    eventually(() -> !a.isConnected(b.peerId()) && !b.isConnected(a.peerId()));
    assertThat(peers.isBanned(b.peerId())).isTrue();
    assertRefused(b, a);
    assertThatThrownBy(() -> a.dial(address(b)).get(10, TimeUnit.SECONDS))
        .cause()
        .isInstanceOfSatisfying(
            HostException.class,
            e -> assertThat(e.reason()).isEqualTo(HostException.Reason.REFUSED));
    assertThat(a.isConnected(b.peerId())).isFalse();

    peers.unban(b.peerId());
    await(b.dial(address(a)));
    // The dialer's side completes first; the listener registers the connection just after.
    eventually(() -> !a.connections(b.peerId()).isEmpty());
  }

  @Test
  void shouldBanWhenTheScoreFallsToTheThreshold() {
    Host a = hosts.listening();
    Host b = hosts.listening();
    PeerManager peers = manage(a, fast(List.of()));
    await(b.dial(address(a)));
    eventually(() -> a.isConnected(b.peerId()));

    peers.report(b.peerId(), Misbehaviour.LOW_TOLERANCE, "bad request");
    assertThat(peers.score(b.peerId())).isEqualTo(-10);
    assertThat(peers.isBanned(b.peerId())).isFalse();
    peers.report(b.peerId(), Misbehaviour.FATAL, "invalid block");

    assertThat(peers.isBanned(b.peerId())).isTrue();
    eventually(() -> !a.isConnected(b.peerId()));
  }

  @Test
  void shouldReconnectABootnodeAfterItRestarts() {
    HostConfig bootConfig = TestHosts.config();
    Host boot = hosts.listening(bootConfig);
    Multiaddr bootAddress = address(boot);
    Host a = hosts.listening();
    manage(a, fast(List.of(bootAddress)));
    eventually(() -> a.isConnected(boot.peerId()));

    boot.close();
    eventually(() -> !a.isConnected(boot.peerId()));
    Host restarted = hosts.start(bootConfig);
    await(restarted.listen(bootAddress.withoutPeerId()));

    eventually(() -> a.isConnected(restarted.peerId()));
    assertThat(restarted.peerId()).isEqualTo(boot.peerId());
  }

  @Test
  void shouldRefuseInboundPeersBeyondTheMaximum() {
    Host a = hosts.listening();
    Host b = hosts.listening();
    Host c = hosts.listening();
    PeerManagerConfig config = fast(List.of());
    manage(
        a,
        new PeerManagerConfig(
            List.of(),
            0,
            1,
            config.backoff(),
            config.heartbeat(),
            config.banThreshold(),
            config.banDuration(),
            config.scoreDecay()));
    await(b.dial(address(a)));

    assertRefused(c, a);
    assertThat(a.connectedPeers()).containsExactly(b.peerId());
  }

  @Test
  void shouldBackOffExponentiallyUpToTheMaximum() {
    Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10));

    assertThat(backoff.delayAfter(0)).isZero();
    assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(backoff.delayAfter(5)).isEqualTo(Duration.ofSeconds(10));
    assertThat(backoff.delayAfter(1000)).isEqualTo(Duration.ofSeconds(10));
  }
}
