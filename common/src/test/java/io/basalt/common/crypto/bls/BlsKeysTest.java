package io.basalt.common.crypto.bls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class BlsKeysTest {

  @Test
  void interopKeyZeroShouldMatchTheKnownTestnetKey() {
    BlsSecretKey key = InteropKeys.secretKey(0);

    assertThat(key.publicKey().toBytes().toHexString())
        .isEqualTo(
            "0xa99a76ed7796f7be22d5b7e85deeb7c5677e88e511e0b337618f8c4eb61349b4bf2d153f649f7b53359fe8b94a38e44c");
  }

  @Test
  void interopKeysShouldDifferByIndexAndRejectNegative() {
    assertThat(InteropKeys.secretKey(1)).isNotEqualTo(InteropKeys.secretKey(0));
    assertThatThrownBy(() -> InteropKeys.secretKey(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void secretKeyShouldRejectZeroOrderAndWrongLength() {
    assertThatThrownBy(() -> BlsSecretKey.fromBytes(Bytes32.ZERO))
        .isInstanceOf(InvalidBlsEncodingException.class)
        .hasMessageContaining("zero");
    Bytes order =
        Bytes32.leftPad(Bytes.wrap(BlsSecretKey.CURVE_ORDER.toByteArray()).trimLeadingZeros());
    assertThatThrownBy(() -> BlsSecretKey.fromBytes(order))
        .isInstanceOf(InvalidBlsEncodingException.class)
        .hasMessageContaining("curve order");
    assertThatThrownBy(() -> BlsSecretKey.fromBytes(Bytes.repeat((byte) 0xff, 32)))
        .isInstanceOf(InvalidBlsEncodingException.class);
    assertThatThrownBy(() -> BlsSecretKey.fromBytes(Bytes.repeat((byte) 1, 31)))
        .isInstanceOf(InvalidBlsEncodingException.class);
  }

  @Test
  void secretKeyJustBelowOrderShouldRoundTrip() {
    BigInteger largest = BlsSecretKey.CURVE_ORDER.subtract(BigInteger.ONE);
    BlsSecretKey key = BlsSecretKey.fromScalar(largest);

    assertThat(key.toBytes().toUnsignedBigInteger()).isEqualTo(largest);
    assertThat(BlsSecretKey.fromBytes(key.toBytes())).isEqualTo(key);
  }

  @Test
  void secretKeyToStringShouldNotRevealTheKey() {
    BlsSecretKey key = InteropKeys.secretKey(3);

    assertThat(key.toString())
        .doesNotContain(key.toBytes().toUnprefixedHexString())
        .doesNotContain(key.toBytes().toUnprefixedHexString().substring(0, 8));
  }

  @Test
  void publicKeyShouldRejectBadEncodingsWithTypedErrors() {
    Bytes infinity = Bytes.concatenate(Bytes.of(0xc0), Bytes.wrap(new byte[47]));
    assertThatThrownBy(() -> BlsPublicKey.fromBytes(infinity))
        .isInstanceOf(InvalidBlsEncodingException.class)
        .hasMessageContaining("infinity");
    assertThatThrownBy(() -> BlsPublicKey.fromBytes(Bytes.wrap(new byte[48])))
        .isInstanceOf(InvalidBlsEncodingException.class)
        .hasMessageContaining("compressed");
    assertThatThrownBy(() -> BlsPublicKey.fromBytes(Bytes.wrap(new byte[47])))
        .isInstanceOf(InvalidBlsEncodingException.class)
        .hasMessageContaining("48 bytes");
    assertThatThrownBy(() -> BlsPublicKey.fromBytes(BlsTestKeys.offSubgroupEncoding(48, 2)))
        .isInstanceOf(InvalidBlsEncodingException.class)
        .hasMessageContaining("subgroup");
    Bytes notOnCurve = Bytes.fromHexString("0x8" + "0".repeat(94) + "5");
    assertThatThrownBy(() -> BlsPublicKey.fromBytes(notOnCurve))
        .isInstanceOf(InvalidBlsEncodingException.class);
  }

  @Test
  void signatureShouldRejectBadEncodingsWithTypedErrors() {
    assertThatThrownBy(() -> BlsSignature.fromBytes(Bytes.wrap(new byte[95])))
        .isInstanceOf(InvalidBlsEncodingException.class)
        .hasMessageContaining("96 bytes");
    assertThatThrownBy(() -> BlsSignature.fromBytes(Bytes.wrap(new byte[96])))
        .isInstanceOf(InvalidBlsEncodingException.class)
        .hasMessageContaining("compressed");
    Bytes infinityWithJunk = Bytes.concatenate(Bytes.of(0xc0), Bytes.repeat((byte) 1, 95));
    assertThatThrownBy(() -> BlsSignature.fromBytes(infinityWithJunk))
        .isInstanceOf(InvalidBlsEncodingException.class);
  }

  @Test
  void publicKeysShouldBeEqualByEncoding() {
    BlsPublicKey key = InteropKeys.secretKey(4).publicKey();

    assertThat(BlsPublicKey.fromBytes(key.toBytes())).isEqualTo(key).hasSameHashCodeAs(key);
    assertThat(InteropKeys.secretKey(5).publicKey()).isNotEqualTo(key);
  }
}
