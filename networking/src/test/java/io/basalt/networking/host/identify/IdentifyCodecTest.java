package io.basalt.networking.host.identify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.CodedOutputStream;
import io.basalt.networking.identity.Secp256k1PeerPrivateKey;
import io.basalt.networking.multiaddr.Multiaddr;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class IdentifyCodecTest {

  private static IdentifyInfo sample() {
    return new IdentifyInfo(
        "ipfs/0.1.0",
        "basalt/0.1.0",
        Optional.of(Secp256k1PeerPrivateKey.random(new SecureRandom()).publicKey()),
        List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/9000"), Multiaddr.parse("/ip6/::1/tcp/9000")),
        Optional.of(Multiaddr.parse("/ip4/10.1.2.3/tcp/5555")),
        List.of("/ipfs/id/1.0.0", "/ipfs/ping/1.0.0", "/meshsub/1.1.0"),
        Optional.empty());
  }

  @Test
  void shouldRoundTrip() {
    IdentifyInfo info = sample();

    IdentifyInfo decoded = IdentifyCodec.decode(IdentifyCodec.encode(info));

    assertThat(decoded.protocolVersion()).isEqualTo(info.protocolVersion());
    assertThat(decoded.agentVersion()).isEqualTo(info.agentVersion());
    assertThat(decoded.publicKey().orElseThrow().toPeerId())
        .isEqualTo(info.publicKey().orElseThrow().toPeerId());
    assertThat(decoded.listenAddrs()).isEqualTo(info.listenAddrs());
    assertThat(decoded.observedAddr()).isEqualTo(info.observedAddr());
    assertThat(decoded.protocols()).isEqualTo(info.protocols());
  }

  @Test
  void shouldUseTheSpecFieldNumbers() throws Exception {
    byte[] encoded = IdentifyCodec.encode(sample());
    // field 1, wire type 2 first: the public key protobuf
    assertThat(encoded[0]).isEqualTo((byte) 0x0a);
    String text = new String(encoded, java.nio.charset.StandardCharsets.ISO_8859_1);
    // protocolVersion = 5 (tag 0x2a), agentVersion = 6 (tag 0x32)
    assertThat(text).contains("*\nipfs/0.1.0").contains("2\fbasalt/0.1.0");
  }

  @Test
  void shouldSkipUnknownFieldsAndUnparseableAddressesAndKeepTheSignedRecord() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    out.writeByteArray(2, new byte[] {(byte) 0xdd, 0x03, 1, 2}); // a transport we do not know
    out.writeByteArray(2, Multiaddr.parse("/ip4/1.2.3.4/tcp/1").toBytes());
    out.writeUInt64(7, 99);
    out.writeByteArray(8, new byte[] {1, 2, 3});
    out.writeString(6, "js-libp2p/3.3.11");
    out.flush();

    IdentifyInfo info = IdentifyCodec.decode(bytes.toByteArray());

    assertThat(info.listenAddrs()).containsExactly(Multiaddr.parse("/ip4/1.2.3.4/tcp/1"));
    assertThat(info.agentVersion()).isEqualTo("js-libp2p/3.3.11");
    assertThat(info.signedPeerRecord()).hasValueSatisfying(r -> assertThat(r).hasSize(3));
    assertThat(info.publicKey()).isEmpty();
  }

  @Test
  void shouldRejectTooManyProtocols() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    for (int i = 0; i <= IdentifyCodec.MAX_ENTRIES; i++) {
      out.writeString(3, "/p/" + i);
    }
    out.flush();

    assertThatThrownBy(() -> IdentifyCodec.decode(bytes.toByteArray()))
        .isInstanceOf(IdentifyException.class);
  }

  @Property(tries = 300)
  void garbageGivesOnlyIdentifyExceptions(@ForAll @Size(max = 400) byte[] garbage) {
    try {
      IdentifyCodec.decode(garbage);
    } catch (IdentifyException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }
}
