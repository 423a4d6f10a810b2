package io.basalt.networking.gossip;

import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.MutableBytes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Messages per second disseminated through 12 routers connected in memory (random topology, every
 * node with at least 7 links, all subscribed, default parameters with flood publishing). One
 * operation publishes one 1 KiB message from a rotating publisher and delivers every resulting RPC,
 * so it includes mesh forwarding, duplicate suppression, scoring and the message cache at all 12
 * nodes. {@code wire=true} also encodes and decodes every RPC with the protobuf codec; the
 * transport itself is excluded. A heartbeat (one simulated second) runs every 100 messages.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GossipRouterBenchmark {
  private static final String TOPIC = "bench";

  @Param({"false", "true"})
  public boolean wire;

  @Param({"1024"})
  public int payloadBytes;

  private GossipTestNetwork net;
  private MutableBytes payload;
  private long counter;

  @Setup(Level.Trial)
  public void setUp() {
    net =
        new GossipTestNetwork(
            12,
            7,
            wire,
            GossipParams.defaults(),
            PeerScoreParams.defaults(),
            PeerScoreThresholds.defaults());
    net.connectRandom(7);
    for (GossipTestNetwork.Node node : net.nodes) {
      node.router.subscribe(TOPIC, (id, message) -> {});
    }
    net.deliverAll();
    net.heartbeats(5);
    payload = MutableBytes.create(payloadBytes);
  }

  @Benchmark
  public long publishAndDisseminate() {
    long n = counter++;
    payload.setLong(0, n); // distinct content: the message id is a hash of the data
    net.node((int) (n % 12)).router.publish(TOPIC, payload.copy());
    net.deliverAll();
    if (n % 100 == 99) {
      net.heartbeat();
    }
    return net.delivered;
  }
}
