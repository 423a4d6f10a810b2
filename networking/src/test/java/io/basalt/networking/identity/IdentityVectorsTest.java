package io.basalt.networking.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The key test vectors of the libp2p peer-ids spec, and the peer ids derived from them. */
class IdentityVectorsTest {

  private static final HexFormat HEX = HexFormat.of();

  private static final String SECP_PRIVATE =
      "0802122053DADF1D5A164D6B4ACDB15E24AA4C5B1D3461BDBD42ABEDB0A4404D56CED8FB";
  private static final String SECP_PUBLIC =
      "08021221037777e994e452c21604f91de093ce415f5432f701dd8cd1a7a6fea0e630bfca99";
  private static final String ED_PRIVATE =
      "080112407e0830617c4a7de83925dfb2694556b12936c477a0e1feb2e148ec9da60fee7d"
          + "1ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e";
  private static final String ED_PUBLIC =
      "080112201ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e";

  @Test
  void shouldDeriveTheSpecSecp256k1PublicKeyFromItsPrivateKey() {
    PeerPrivateKey key = PeerPrivateKey.fromProtobuf(HEX.parseHex(SECP_PRIVATE));
    assertThat(key).isInstanceOf(Secp256k1PeerPrivateKey.class);
    assertThat(HEX.formatHex(key.publicKey().toProtobuf())).isEqualTo(SECP_PUBLIC);
    assertThat(HEX.formatHex(key.toProtobuf())).isEqualToIgnoringCase(SECP_PRIVATE);
    assertThat(PeerPublicKey.fromProtobuf(HEX.parseHex(SECP_PUBLIC))).isEqualTo(key.publicKey());
  }

  @Test
  void shouldReadTheSpecEd25519KeyPair() {
    PeerPrivateKey key = PeerPrivateKey.fromProtobuf(HEX.parseHex(ED_PRIVATE));
    assertThat(key).isInstanceOf(Ed25519PeerPrivateKey.class);
    assertThat(HEX.formatHex(key.publicKey().toProtobuf())).isEqualTo(ED_PUBLIC);
    assertThat(HEX.formatHex(key.toProtobuf())).isEqualTo(ED_PRIVATE);
  }

  @Test
  void shouldInlineSecp256k1KeyInAnIdentityMultihashPeerId() {
    PeerId id = PeerPublicKey.fromProtobuf(HEX.parseHex(SECP_PUBLIC)).toPeerId();
    // identity code 0x00, length 37, then the 37-byte protobuf
    assertThat(HEX.formatHex(id.toBytes())).isEqualTo("0025" + SECP_PUBLIC);
    assertThat(id.toBase58()).startsWith("16Uiu2").isEqualTo(referenceBase58(id.toBytes()));
    assertThat(PeerId.fromString(id.toBase58())).isEqualTo(id);
    assertThat(id.extractPublicKey())
        .contains(PeerPublicKey.fromProtobuf(HEX.parseHex(SECP_PUBLIC)));
  }

  @Test
  void shouldInlineEd25519KeyInAnIdentityMultihashPeerId() {
    PeerId id = PeerPublicKey.fromProtobuf(HEX.parseHex(ED_PUBLIC)).toPeerId();
    assertThat(HEX.formatHex(id.toBytes())).isEqualTo("0024" + ED_PUBLIC);
    assertThat(id.toBase58()).startsWith("12D3KooW").isEqualTo(referenceBase58(id.toBytes()));
  }

  @Test
  void shouldMatchLodestarsFixedSecp256k1PeerId() {
    // Lodestar's reqresp test fixture: an identity multihash of a secp256k1 key.
    byte[] bytes =
        HEX.parseHex(
            "002508021221039481269fe831799b1a0f1d521c1395b4831514859e4559c44d155eae46f03819");
    PeerId id = PeerId.fromBytes(bytes);
    PeerPublicKey key = id.extractPublicKey().orElseThrow();
    assertThat(key.toPeerId()).isEqualTo(id);
    assertThat(id.toString()).isEqualTo(referenceBase58(bytes));
  }

  /** Base58btc by big-integer division: an independent check of {@link Base58}. */
  static String referenceBase58(byte[] bytes) {
    String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    StringBuilder out = new StringBuilder();
    BigInteger value = new BigInteger(1, bytes);
    BigInteger base = BigInteger.valueOf(58);
    while (value.signum() > 0) {
      BigInteger[] division = value.divideAndRemainder(base);
      out.append(alphabet.charAt(division[1].intValue()));
      value = division[0];
    }
    for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
      out.append('1');
    }
    return out.reverse().toString();
  }
}
