package io.basalt.networking.multiaddr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.networking.identity.PeerId;
import io.basalt.networking.identity.Secp256k1PeerPrivateKey;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MultiaddrTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final String PEER = "16Uiu2HAmLhLvBoYaoZfaMUKuibM6ac163GwKY74c5kiSLg5KvLpY";

  // Binary forms as go-multiaddr and js-multiaddr produce them.
  @ParameterizedTest
  @CsvSource({
    "/ip4/127.0.0.1/tcp/9000, 047f000001062328",
    "/ip4/0.0.0.0/udp/30303/quic-v1, 04000000009102765fcc03",
    "/ip6/::1/tcp/443, 29000000000000000000000000000000010601bb",
    "/dns4/example.com/tcp/80, 360b6578616d706c652e636f6d060050",
    "/dns/a.b/tcp/1, 3503612e62060001",
    "/dns6/x/udp/53, 37017891020035"
  })
  void shouldConvertBetweenTextAndBinary(String text, String hex) {
    Multiaddr parsed = Multiaddr.parse(text);
    assertThat(HEX.formatHex(parsed.toBytes())).isEqualTo(hex);
    assertThat(Multiaddr.fromBytes(HEX.parseHex(hex))).isEqualTo(parsed);
    assertThat(parsed.toString()).isEqualTo(text);
  }

  @Test
  void shouldCarryThePeerIdAsAMultihash() {
    PeerId peer = Secp256k1PeerPrivateKey.random(new SecureRandom()).peerId();
    Multiaddr address = Multiaddr.parse("/ip4/10.0.0.1/tcp/9000/p2p/" + peer);
    assertThat(address.peerId()).contains(peer);
    byte[] bytes = address.toBytes();
    // code 421 = a503, then varint(39) = 27, then the multihash
    assertThat(HEX.formatHex(bytes)).contains("a50327" + HEX.formatHex(peer.toBytes()));
    assertThat(Multiaddr.fromBytes(bytes)).isEqualTo(address);
    assertThat(address.withoutPeerId()).isEqualTo(Multiaddr.parse("/ip4/10.0.0.1/tcp/9000"));
    assertThat(address.withoutPeerId().withPeerId(peer)).isEqualTo(address);
    assertThat(Multiaddr.parse("/ip4/10.0.0.1/tcp/9000/ipfs/" + peer)).isEqualTo(address);
  }

  @Test
  void shouldParseAFixedPeerIdAndPrintItBack() {
    Multiaddr address = Multiaddr.parse("/ip4/127.0.0.1/tcp/9000/p2p/" + PEER);
    assertThat(address.toString()).isEqualTo("/ip4/127.0.0.1/tcp/9000/p2p/" + PEER);
    assertThat(address.valueOf(Protocol.TCP)).contains("9000");
  }

  @ParameterizedTest
  @CsvSource({
    "/ip6/2001:db8:0:0:1:0:0:1/tcp/1, /ip6/2001:db8::1:0:0:1/tcp/1",
    "/ip6/0:0:0:0:0:0:0:0/tcp/1, /ip6/::/tcp/1",
    "/ip6/::ffff:1.2.3.4/tcp/1, /ip6/::ffff:102:304/tcp/1",
    "/ip6/FE80::1/tcp/1, /ip6/fe80::1/tcp/1",
    "/ip4/1.2.3.4/tcp/1/, /ip4/1.2.3.4/tcp/1"
  })
  void shouldPrintCanonicalForms(String input, String canonical) {
    assertThat(Multiaddr.parse(input).toString()).isEqualTo(canonical);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "ip4/1.2.3.4",
        "/",
        "/ip4",
        "/ip4/256.0.0.1",
        "/ip4/1.2.3",
        "/ip4/01.2.3.4",
        "/ip4/localhost",
        "/tcp/65536",
        "/tcp/-1",
        "/tcp/abc",
        "/udp/",
        "/ip6/1::2::3",
        "/ip6/12345::",
        "/ip6/1:2:3:4:5:6:7:8:9",
        "/ip6/1.2.3.4::",
        "/dns4/",
        "/p2p/notbase58!",
        "/p2p/Qm",
        "/foo/bar",
        "/quic-v1/x",
        "/ip4/1.2.3.4//tcp/1"
      })
  void shouldRejectMalformedText(String text) {
    assertThatThrownBy(() -> Multiaddr.parse(text)).isInstanceOf(MultiaddrException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", // empty
        "047f0000", // truncated ip4
        "ff", // truncated varint
        "8080808080808080808001", // over-long varint
        "e703", // unknown code 999
        "35ff01", // dns length beyond the input
        "3502c328", // dns value that is not UTF-8
        "a503021300" // p2p value that is not a peer-id multihash
      })
  void shouldRejectMalformedBinary(String hex) {
    assertThatThrownBy(() -> Multiaddr.fromBytes(HEX.parseHex(hex)))
        .isInstanceOf(MultiaddrException.class);
  }
}
