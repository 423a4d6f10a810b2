package io.basalt.networking.interop;

import static io.basalt.networking.host.TestHosts.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.networking.host.Connection;
import io.basalt.networking.host.Host;
import io.basalt.networking.host.HostConfig;
import io.basalt.networking.host.TestHosts;
import io.basalt.networking.host.identify.IdentifyInfo;
import io.basalt.networking.host.identify.IdentifyProtocol;
import io.basalt.networking.host.ping.PingProtocol;
import io.basalt.networking.identity.PeerId;
import io.basalt.networking.multiaddr.Multiaddr;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Live interoperability with js-libp2p 3.x (TCP, Noise, yamux, identify, ping) through the peer in
 * {@code src/test/js}. Fails, never skips, when Node.js or its packages are missing.
 *
 * <p>Gossipsub interop (the next step) belongs here too: the js peer already takes {@code
 * subscribe}, {@code publish} and {@code meshpeers} commands and reports {@code message} and {@code
 * subscription} events.
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
