package io.basalt.networking.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.crypto.Hash;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PeerKeysTest {

  private static final byte[] MESSAGE = "basalt".getBytes(StandardCharsets.UTF_8);
  private static final BigInteger N =
      new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);

  @Test
  void shouldSignAndVerifySecp256k1WithDerSignatures() {
    Secp256k1PeerPrivateKey key = Secp256k1PeerPrivateKey.random(new SecureRandom());
    byte[] signature = key.sign(MESSAGE);
    assertThat(signature[0]).isEqualTo((byte) 0x30);
    assertThat(DerSignature.decode(signature)).isPresent();
    assertThat(key.publicKey().verify(MESSAGE, signature)).isTrue();
    assertThat(key.publicKey().verify("other".getBytes(StandardCharsets.UTF_8), signature))
        .isFalse();
    assertThat(key.sign(MESSAGE)).isEqualTo(signature); // RFC 6979: deterministic
    assertThat(PeerPrivateKey.fromProtobuf(key.toProtobuf())).isEqualTo(key);
  }

  @Test
  void shouldRejectNonDerSecp256k1Signatures() {
    Secp256k1PeerPrivateKey key = Secp256k1PeerPrivateKey.random(new SecureRandom());
    byte[] der = key.sign(MESSAGE);
    DerSignature.Scalars scalars = DerSignature.decode(der).orElseThrow();
    // The 64-byte compact r || s form is not accepted.
    byte[] compact = new byte[64];
    byte[] r = scalars.r().toByteArray();
    byte[] s = scalars.s().toByteArray();
    System.arraycopy(
        r,
        Math.max(0, r.length - 32),
        compact,
        32 - Math.min(32, r.length),
        Math.min(32, r.length));
    System.arraycopy(
        s,
        Math.max(0, s.length - 32),
        compact,
        64 - Math.min(32, s.length),
        Math.min(32, s.length));
    assertThat(key.publicKey().verify(MESSAGE, compact)).isFalse();
    // A trailing byte, or a padded integer, breaks strict DER.
    byte[] trailing = java.util.Arrays.copyOf(der, der.length + 1);
    assertThat(key.publicKey().verify(MESSAGE, trailing)).isFalse();
    byte[] padded = paddedR(scalars);
    assertThat(DerSignature.decode(padded)).isEmpty();
    assertThat(key.publicKey().verify(MESSAGE, padded)).isFalse();
  }

  @Test
  void shouldAcceptHighSSecp256k1SignaturesAsLibp2pDoes() {
    Secp256k1PeerPrivateKey key = Secp256k1PeerPrivateKey.random(new SecureRandom());
    DerSignature.Scalars scalars = DerSignature.decode(key.sign(MESSAGE)).orElseThrow();
    byte[] highS = DerSignature.encode(scalars.r(), N.subtract(scalars.s()));
    assertThat(key.publicKey().verify(MESSAGE, highS)).isTrue();
    byte[] outOfRange = DerSignature.encode(scalars.r(), N.add(scalars.s()));
    assertThat(key.publicKey().verify(MESSAGE, outOfRange)).isFalse();
  }

  private static byte[] paddedR(DerSignature.Scalars scalars) {
    byte[] r = scalars.r().toByteArray();
    byte[] s = scalars.s().toByteArray();
    byte[] rPadded = new byte[r.length + 1];
    System.arraycopy(r, 0, rPadded, 1, r.length);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(0x30);
    out.write(4 + rPadded.length + s.length);
    out.write(0x02);
    out.write(rPadded.length);
    out.writeBytes(rPadded);
    out.write(0x02);
    out.write(s.length);
    out.writeBytes(s);
    return out.toByteArray();
  }

  @Test
  void shouldSignAndVerifyEd25519AndRoundTripItsProtobufs() {
    Ed25519PeerPrivateKey key = Ed25519PeerPrivateKey.random(new SecureRandom());
    byte[] signature = key.sign(MESSAGE);
    assertThat(signature).hasSize(64);
    assertThat(key.publicKey().verify(MESSAGE, signature)).isTrue();
    signature[10] ^= 1;
    assertThat(key.publicKey().verify(MESSAGE, signature)).isFalse();
    assertThat(PeerPrivateKey.fromProtobuf(key.toProtobuf())).isEqualTo(key);
    assertThat(PeerPublicKey.fromProtobuf(key.publicKey().toProtobuf())).isEqualTo(key.publicKey());
    assertThat(key.peerId().toBase58()).startsWith("12D3KooW");
  }

  @Test
  void shouldRejectEd25519PrivateKeyWhosePublicHalfDoesNotMatch() {
    byte[] data = new byte[64];
    System.arraycopy(
        Ed25519PeerPrivateKey.random(new SecureRandom()).publicKey().raw(), 0, data, 32, 32);
    data[0] = 1;
    byte[] protobuf = new KeyProtobuf(KeyType.ED25519, data).encode();
    assertThatThrownBy(() -> PeerPrivateKey.fromProtobuf(protobuf))
        .isInstanceOf(KeyFormatException.class)
        .hasMessageContaining("does not match");
  }

  @Test
  void shouldRejectRsaAndEcdsaKeysClearly() {
    byte[] rsa = new KeyProtobuf(KeyType.RSA, new byte[300]).encode();
    assertThatThrownBy(() -> PeerPublicKey.fromProtobuf(rsa))
        .isInstanceOf(UnsupportedKeyTypeException.class)
        .hasMessageContaining("RSA");
    byte[] ecdsa = new KeyProtobuf(KeyType.ECDSA, new byte[91]).encode();
    assertThatThrownBy(() -> PeerPublicKey.fromProtobuf(ecdsa))
        .isInstanceOf(UnsupportedKeyTypeException.class);
  }

  @Test
  void shouldRejectUncompressedOrOffCurveSecp256k1Keys() {
    Secp256k1PeerPrivateKey key = Secp256k1PeerPrivateKey.random(new SecureRandom());
    byte[] uncompressed = key.publicKey().secpPublicKey().toUncompressedSec1().toArray();
    assertThatThrownBy(
            () ->
                PeerPublicKey.fromProtobuf(
                    new KeyProtobuf(KeyType.SECP256K1, uncompressed).encode()))
        .isInstanceOf(KeyFormatException.class)
        .hasMessageContaining("33 bytes");
    byte[] offCurve = new byte[33];
    offCurve[0] = 2;
    offCurve[32] = 5; // x = 5 has no point on secp256k1 (x^3 + 7 = 132 is a non-residue)
    assertThatThrownBy(() -> Secp256k1PeerPublicKey.fromRaw(offCurve))
        .isInstanceOf(KeyFormatException.class);
  }

  @Test
  void shouldUseSha256MultihashForKeysLongerThan42Bytes() {
    // No supported key is that long, so build the id from a multihash directly.
    byte[] digest = Hash.sha256(new byte[300]);
    byte[] multihash = new byte[34];
    multihash[0] = 0x12;
    multihash[1] = 32;
    System.arraycopy(digest, 0, multihash, 2, 32);
    PeerId id = PeerId.fromBytes(multihash);
    assertThat(id.toBase58()).startsWith("Qm");
    assertThat(id.extractPublicKey()).isEmpty();
    assertThat(PeerId.fromString(id.toBase58())).isEqualTo(id);
  }

  @Test
  void shouldRejectMalformedPeerIds() {
    assertThatThrownBy(() -> PeerId.fromString("0OIl")).isInstanceOf(KeyFormatException.class);
    assertThatThrownBy(() -> PeerId.fromString("")).isInstanceOf(KeyFormatException.class);
    assertThatThrownBy(() -> PeerId.fromBytes(HexFormat.of().parseHex("1220aa")))
        .isInstanceOf(KeyFormatException.class);
    assertThatThrownBy(() -> PeerId.fromBytes(HexFormat.of().parseHex("1300")))
        .isInstanceOf(KeyFormatException.class)
        .hasMessageContaining("code");
  }

  @Test
  void shouldRoundTripBase58IncludingLeadingZeros() {
    byte[] bytes = {0, 0, 1, 2, (byte) 255};
    assertThat(Base58.decode(Base58.encode(bytes))).isEqualTo(bytes);
    assertThat(Base58.encode(bytes)).isEqualTo(IdentityVectorsTest.referenceBase58(bytes));
    assertThat(Base58.encode(new byte[0])).isEmpty();
  }
}
