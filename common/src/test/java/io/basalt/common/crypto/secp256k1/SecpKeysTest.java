package io.basalt.common.crypto.secp256k1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.apache.tuweni.bytes.Bytes;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

class SecpKeysTest {

  private static final SecpPrivateKey KEY =
      SecpPrivateKey.fromHexString(
          "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
  private static final SecpPublicKey PUBLIC_KEY = NativeSecpEcdsa.load().publicKeyOf(KEY);

  @Test
  void shouldRejectPrivateKeysOutsideOneToNMinusOne() {
    assertThatThrownBy(() -> SecpPrivateKey.fromBytes(Bytes.wrap(new byte[32])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("greater than zero and less than the curve order");
    assertThatThrownBy(
            () ->
                SecpPrivateKey.fromBytes(
                    Bytes.wrap(BigIntegers.asUnsignedByteArray(32, SecpCurve.N))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SecpPrivateKey.fromHexString("0x" + "ff".repeat(32)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SecpPrivateKey.fromHexString("0x" + "01".repeat(31)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes, got 31");
    assertThatThrownBy(() -> SecpPrivateKey.fromHexString("0xzz"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hex");
  }

  @Test
  void shouldAcceptTheExtremeValidPrivateKeys() {
    SecpPrivateKey largest =
        SecpPrivateKey.fromBytes(
            Bytes.wrap(
                BigIntegers.asUnsignedByteArray(
                    32, SecpCurve.N.subtract(java.math.BigInteger.ONE))));
    SecpPrivateKey one = SecpPrivateKey.fromHexString("0x" + "00".repeat(31) + "01");
    // (N-1) G = -G: same x as G, opposite y.
    SecpEcdsa ecdsa = NativeSecpEcdsa.load();
    assertThat(ecdsa.publicKeyOf(largest).toBytes().slice(0, 32))
        .isEqualTo(ecdsa.publicKeyOf(one).toBytes().slice(0, 32));
    assertThat(ecdsa.publicKeyOf(largest)).isNotEqualTo(ecdsa.publicKeyOf(one));
  }

  @Test
  void shouldHideThePrivateKeyInToString() {
    assertThat(KEY.toString()).doesNotContain("ac0974").isEqualTo("SecpPrivateKey[hidden]");
  }

  @Test
  void shouldRoundTripAndCompareByValue() {
    assertThat(SecpPrivateKey.fromBytes(KEY.toBytes())).isEqualTo(KEY).hasSameHashCodeAs(KEY);
    SecpPrivateKey random = SecpPrivateKey.random(new SecureRandom());
    assertThat(random).isNotEqualTo(KEY);
    assertThat(SecpCurve.isValidScalar(random.toBytes().toUnsignedBigInteger())).isTrue();
  }

  @Test
  void shouldParseEveryPublicKeyEncodingToTheSameKey() {
    Bytes xy = PUBLIC_KEY.toBytes();
    assertThat(xy.size()).isEqualTo(64);
    assertThat(PUBLIC_KEY.toUncompressedSec1()).isEqualTo(Bytes.concatenate(Bytes.of(4), xy));
    assertThat(PUBLIC_KEY.toCompressed().size()).isEqualTo(33);
    assertThat(SecpPublicKey.fromBytes(xy)).isEqualTo(PUBLIC_KEY);
    assertThat(SecpPublicKey.fromBytes(PUBLIC_KEY.toUncompressedSec1())).isEqualTo(PUBLIC_KEY);
    assertThat(SecpPublicKey.fromBytes(PUBLIC_KEY.toCompressed())).isEqualTo(PUBLIC_KEY);
  }

  @Test
  void shouldCompressLikeLibsecp256k1() {
    // Known answer: compressed form of Hardhat account 0's key.
    assertThat(PUBLIC_KEY.toCompressed().toHexString())
        .isEqualTo("0x038318535b54105d4a7aae60c08fc45f9687181b4fdfc625bd1a753fa7397fed75");
  }

  @Test
  void shouldRejectPointsOffTheCurveAndBadLengths() {
    byte[] corrupted = PUBLIC_KEY.toBytes().toArray();
    corrupted[63] ^= 1;
    assertThatThrownBy(() -> SecpPublicKey.fromBytes(Bytes.wrap(corrupted)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Not a secp256k1 public key");
    assertThatThrownBy(() -> SecpPublicKey.fromBytes(Bytes.wrap(new byte[64])))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SecpPublicKey.fromBytes(Bytes.wrap(new byte[40])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("33, 64 or 65 bytes, got 40");
    Bytes badPrefix = Bytes.concatenate(Bytes.of(7), PUBLIC_KEY.toBytes());
    assertThatThrownBy(() -> SecpPublicKey.fromBytes(badPrefix))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("prefix 0x07");
    Bytes compressedWithUncompressedPrefix =
        Bytes.concatenate(Bytes.of(4), PUBLIC_KEY.toCompressed().slice(1));
    assertThatThrownBy(() -> SecpPublicKey.fromBytes(compressedWithUncompressedPrefix))
        .isInstanceOf(IllegalArgumentException.class);
    // x = 2^256 - 1 is not a field element.
    Bytes xBeyondP = Bytes.concatenate(Bytes.of(2), Bytes.fromHexString("ff".repeat(32)));
    assertThatThrownBy(() -> SecpPublicKey.fromBytes(xBeyondP))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Not a secp256k1 public key");
  }
}
