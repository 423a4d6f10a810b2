package io.basalt.networking.host;

import io.basalt.networking.identity.Secp256k1PeerPrivateKey;
import io.basalt.networking.multiaddr.Multiaddr;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Hosts on 127.0.0.1 with small thread pools, closed together. */
public final class TestHosts implements AutoCloseable {
  public static final Duration WAIT = Duration.ofSeconds(10);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final List<Host> hosts = new ArrayList<>();

  public static HostConfig config() {
    return HostConfig.defaults(Secp256k1PeerPrivateKey.random(RANDOM)).withIoThreads(1);
  }

  public Host start() {
    return start(config());
  }

  public Host start(HostConfig config) {
    Host host = new Host(config);
    hosts.add(host);
    return host;
  }

  /** Starts a host listening on a free loopback port. */
  public Host listening(HostConfig config) {
    Host host = start(config);
    await(host.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")));
    return host;
  }

  public Host listening() {
    return listening(config());
  }

  public static Multiaddr address(Host host) {
    return host.listenAddresses().get(0).withPeerId(host.peerId());
  }

  public static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("future failed or timed out: " + e, e);
    }
  }

  /** Polls {@code condition} until it holds, failing after {@link #WAIT}. */
  public static void eventually(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + WAIT);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Override
  public void close() {
    hosts.forEach(Host::close);
  }
}
