package io.basalt.networking.gossip;

import io.basalt.networking.gossip.host.GossipService;
import io.basalt.networking.gossip.host.GossipServiceConfig;
import io.basalt.networking.host.Host;
import io.basalt.networking.host.HostConfig;
import io.basalt.networking.identity.Secp256k1PeerPrivateKey;
import io.basalt.networking.multiaddr.Multiaddr;
import io.basalt.networking.peers.MisbehaviourReporter;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Gossip over real hosts: 12 {@link GossipService}s on 127.0.0.1 (Noise + yamux over TCP, one I/O
 * thread each) in a seeded random topology (every node has at least 7 neighbours), all subscribed
 * to one topic, 700 ms heartbeat, no validators. One operation publishes {@value #BATCH} messages
 * (round-robin over the nodes) and waits until every other node received each of them; the score is
 * messages/s. The latency from publish to each delivery (median and p99, batch queueing included)
 * is printed at the end of each iteration.
 *
 * <p>Run: {@code ./bench networking GossipNetworkBenchmark -f 1 -wi 1 -i 3 -w 2s -r 3s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GossipNetworkBenchmark {
  static final int NODES = 12;
  static final int BATCH = 16;
  static final String TOPIC = "/basalt/bench/1";

  @Param({"1024", "102400"})
  public int messageBytes;

  private final List<Host> hosts = new ArrayList<>();
  private final List<GossipService> services = new ArrayList<>();
  private final AtomicReference<CountDownLatch> pending = new AtomicReference<>();
  private long[] latencies = new long[1 << 16];
  private int latencyCount;
  private long sequence;
  private final Random random = new Random(1);

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    SecureRandom keys = new SecureRandom();
    GossipServiceConfig config = GossipServiceConfig.defaults();
    for (int i = 0; i < NODES; i++) {
      Host host =
          new Host(HostConfig.defaults(Secp256k1PeerPrivateKey.random(keys)).withIoThreads(1));
      host.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get(10, TimeUnit.SECONDS);
      hosts.add(host);
      GossipService gossip =
          GossipService.start(host, config.withSeed(i), MisbehaviourReporter.NONE);
      services.add(gossip);
      gossip.subscribe(TOPIC, (id, message) -> delivered(message));
    }
    connect(new Random(42), 7);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!services.stream().allMatch(s -> s.meshPeers(TOPIC).size() >= 6)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("meshes did not form");
      }
      Thread.sleep(50);
    }
  }

  private void connect(Random topology, int minDegree) throws Exception {
    boolean[][] linked = new boolean[NODES][NODES];
    List<CompletableFuture<?>> dials = new ArrayList<>();
    for (int i = 1; i < NODES; i++) {
      dials.add(dial(linked, i, topology.nextInt(i)));
    }
    for (int i = 0; i < NODES; i++) {
      while (degree(linked[i]) < minDegree) {
        int j = topology.nextInt(NODES);
        if (j != i && !linked[i][j]) {
          dials.add(dial(linked, i, j));
        }
      }
    }
    CompletableFuture.allOf(dials.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
  }

  private CompletableFuture<?> dial(boolean[][] linked, int a, int b) {
    linked[a][b] = true;
    linked[b][a] = true;
    Host target = hosts.get(b);
    return hosts.get(a).dial(target.listenAddresses().get(0).withPeerId(target.peerId()));
  }

  private static int degree(boolean[] row) {
    int d = 0;
    for (boolean b : row) {
      d += b ? 1 : 0;
    }
    return d;
  }

  /** Called on the router threads. */
  private void delivered(PubMessage message) {
    long sentAt = message.data().getLong(8);
    long latency = System.nanoTime() - sentAt;
    synchronized (this) {
      if (latencyCount == latencies.length) {
        latencies = Arrays.copyOf(latencies, latencies.length * 2);
      }
      latencies[latencyCount++] = latency;
    }
    CountDownLatch latch = pending.get();
    if (latch != null) {
      latch.countDown();
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void publishBatch() throws Exception {
    CountDownLatch latch = new CountDownLatch(BATCH * (NODES - 1));
    pending.set(latch);
    for (int i = 0; i < BATCH; i++) {
      byte[] data = new byte[messageBytes];
      random.nextBytes(data);
      ByteBuffer header = ByteBuffer.wrap(data);
      header.putLong(sequence++); // unique: the message id is a hash of the data
      header.putLong(System.nanoTime());
      services.get((int) (sequence % NODES)).publish(TOPIC, data);
    }
    if (!latch.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException(latch.getCount() + " deliveries missing");
    }
  }

  @TearDown(Level.Iteration)
  public synchronized void printLatency() {
    if (latencyCount == 0) {
      return;
    }
    long[] sorted = Arrays.copyOf(latencies, latencyCount);
    Arrays.sort(sorted);
    System.out.printf(
        "  [%d B] deliveries=%d latency median=%.2f ms p99=%.2f ms%n",
        messageBytes,
        latencyCount,
        sorted[latencyCount / 2] / 1e6,
        sorted[Math.min(latencyCount - 1, (int) (latencyCount * 0.99))] / 1e6);
    latencyCount = 0;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    services.forEach(GossipService::close);
    hosts.forEach(Host::close);
  }
}
