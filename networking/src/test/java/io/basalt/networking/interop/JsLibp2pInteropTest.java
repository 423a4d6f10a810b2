package io.basalt.networking.interop;

import static io.basalt.networking.host.TestHosts.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.common.crypto.Hash;
import io.basalt.networking.gossip.GossipParams;
import io.basalt.networking.gossip.GossipRouter;
import io.basalt.networking.gossip.host.GossipService;
import io.basalt.networking.gossip.host.GossipServiceConfig;
import io.basalt.networking.host.Connection;
import io.basalt.networking.host.Host;
import io.basalt.networking.host.HostConfig;
import io.basalt.networking.host.TestHosts;
import io.basalt.networking.host.identify.IdentifyInfo;
import io.basalt.networking.host.identify.IdentifyProtocol;
import io.basalt.networking.host.ping.PingProtocol;
import io.basalt.networking.identity.PeerId;
import io.basalt.networking.multiaddr.Multiaddr;
import io.basalt.networking.peers.MisbehaviourReporter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Live interoperability with js-libp2p 3.x (TCP, Noise, yamux, identify, ping) through the peer in
 * {@code src/test/js}. Fails, never skips, when Node.js or its packages are missing.
 *
 * <p>Gossipsub: both sides subscribe, graft each other, and each side's message reaches the other
 * with the same message id (SHA-256 of the data, StrictNoSign on both sides).
 */
class JsLibp2pInteropTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final TestHosts hosts = new TestHosts();
  private JsPeer js;
  private Host basalt;
  private PeerId jsPeerId;
  private Multiaddr jsAddress;

  @BeforeEach
  void start() {
    basalt = hosts.listening();
    js = JsPeer.start();
    JsonNode ready = js.await("ready", e -> "ready".equals(e.path("event").asText()), WAIT);
    jsPeerId = PeerId.fromString(ready.path("peerId").asText());
    jsAddress = Multiaddr.parse(ready.path("addresses").get(0).asText());
  }

  @AfterEach
  void stop() {
    try {
      if (js != null) {
        js.close();
      }
    } finally {
      hosts.close();
    }
  }

  @Test
  void jsDialsBasaltThenBothPingAndIdentify() {
    Multiaddr basaltAddress = TestHosts.address(basalt);

    JsonNode dialed = js.command("dial " + basaltAddress, WAIT);

    assertThat(dialed.path("peer").asText()).isEqualTo(basalt.peerId().toBase58());
    assertJsIdentifiedBasalt();
    assertBasaltIdentifiedJs();
    JsonNode ping = js.command("ping " + basaltAddress, WAIT);
    assertThat(ping.path("rttMs").asDouble()).isGreaterThanOrEqualTo(0);
    assertThat(await(basalt.ping(jsPeerId, WAIT))).isPositive();
  }

  @Test
  void basaltDialsJsThenBothPingAndIdentify() {
    Connection connection = await(basalt.dial(jsAddress));

    assertThat(connection.remotePeer()).isEqualTo(jsPeerId);
    assertBasaltIdentifiedJs();
    assertJsIdentifiedBasalt();
    assertThat(await(PingProtocol.ping(connection, WAIT))).isPositive();
    JsonNode ping = js.command("ping " + TestHosts.address(basalt), WAIT);
    assertThat(ping.path("rttMs").asDouble()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void gossipFlowsBothWaysWithAgreeingMessageIds() {
    String topic = "/basalt/interop/1";
    GossipService gossip =
        GossipService.start(
            basalt,
            GossipServiceConfig.defaults()
                .withParams(GossipParams.defaults().withHeartbeatIntervalMillis(200)),
            MisbehaviourReporter.NONE);
    try {
      List<String[]> received = new CopyOnWriteArrayList<>();
      gossip.subscribe(
          topic,
          (id, m) ->
              received.add(
                  new String[] {
                    id.bytes().toUnprefixedHexString(), m.data().toUnprefixedHexString()
                  }));
      js.command("subscribe " + topic, WAIT);
      await(basalt.dial(jsAddress));

      js.await(
          "Basalt's subscription",
          e ->
              "subscription".equals(e.path("event").asText())
                  && basalt.peerId().toBase58().equals(e.path("peer").asText())
                  && e.path("topics").toString().contains(topic),
          WAIT);
      TestHosts.eventually(() -> gossip.meshPeers(topic).contains(jsPeerId));
      awaitJsMesh(topic);

      // js → Basalt
      String fromJs = "6a732d746f2d626173616c74"; // "js-to-basalt"
      js.command("publish " + topic + " " + fromJs, WAIT);
      TestHosts.eventually(() -> !received.isEmpty());
      assertThat(received).hasSize(1);
      assertThat(received.get(0)[1]).isEqualTo(fromJs);
      assertThat(received.get(0)[0]).isEqualTo(sha256Hex(fromJs));

      // Basalt → js
      byte[] fromBasalt = "basalt-to-js".getBytes(StandardCharsets.UTF_8);
      GossipRouter.PublishResult published = await(gossip.publish(topic, fromBasalt));
      assertThat(published.recipients()).isEqualTo(1);
      String hex = HexFormat.of().formatHex(fromBasalt);
      JsonNode message =
          js.await(
              "Basalt's message",
              e ->
                  "message".equals(e.path("event").asText()) && hex.equals(e.path("data").asText()),
              WAIT);
      assertThat(message.path("topic").asText()).isEqualTo(topic);
      assertThat(message.path("from").asText()).isEqualTo(basalt.peerId().toBase58());
      assertThat(message.path("msgId").asText())
          .isEqualTo(published.id().bytes().toUnprefixedHexString())
          .isEqualTo(sha256Hex(hex));
    } finally {
      gossip.close();
    }
  }

  /** Polls the js peer's mesh (its heartbeat grafts once a second) within {@link #WAIT}. */
  private void awaitJsMesh(String topic) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      JsonNode mesh = js.command("meshpeers " + topic, WAIT);
      if (mesh.path("peers").toString().contains(basalt.peerId().toBase58())) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("js peer never grafted Basalt: " + mesh);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static String sha256Hex(String hex) {
    return HexFormat.of().formatHex(Hash.sha256(Bytes.fromHexString(hex)).toArrayUnsafe());
  }

  private void assertJsIdentifiedBasalt() {
    JsonNode identified =
        js.await(
            "identify of Basalt",
            e ->
                "identified".equals(e.path("event").asText())
                    && basalt.peerId().toBase58().equals(e.path("peer").asText()),
            WAIT);
    assertThat(identified.path("agentVersion").asText()).isEqualTo(HostConfig.DEFAULT_AGENT);
    List<String> protocols = new ArrayList<>();
    identified.path("protocols").forEach(p -> protocols.add(p.asText()));
    assertThat(protocols).contains(IdentifyProtocol.PROTOCOL_ID, PingProtocol.PROTOCOL_ID);
  }

  private void assertBasaltIdentifiedJs() {
    TestHosts.eventually(() -> basalt.peerInfo(jsPeerId).isPresent());
    IdentifyInfo info = basalt.peerInfo(jsPeerId).orElseThrow();
    assertThat(info.agentVersion()).contains("js-libp2p");
    assertThat(info.protocols()).contains(IdentifyProtocol.PROTOCOL_ID, PingProtocol.PROTOCOL_ID);
    assertThat(info.listenAddrs()).contains(jsAddress.withoutPeerId());
  }
}
