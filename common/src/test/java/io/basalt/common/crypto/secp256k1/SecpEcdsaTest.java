package io.basalt.common.crypto.secp256k1;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.types.Address;
import java.math.BigInteger;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract of {@link SecpEcdsa}, run against both implementations. */
class SecpEcdsaTest {

  private static final Bytes32 HASH =
      Bytes32.fromHexString("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53");
  private static final SecpPrivateKey KEY =
      SecpPrivateKey.fromHexString(
          "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

  static Stream<SecpEcdsa> implementations() {
    return Stream.of(NativeSecpEcdsa.load(), new BouncyCastleSecpEcdsa());
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void shouldDeriveTheHardhatDevelopmentAccounts(SecpEcdsa ecdsa) {
    // Accounts 0 and 1 of mnemonic "test test ... junk" as Hardhat and anvil print them.
    assertThat(Address.fromPublicKey(ecdsa.publicKeyOf(KEY)).toChecksumString())
        .isEqualTo("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    SecpPrivateKey second =
        SecpPrivateKey.fromHexString(
            "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
    assertThat(Address.fromPublicKey(ecdsa.publicKeyOf(second)).toChecksumString())
        .isEqualTo("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void shouldReproduceTheEip155ExampleSignature(SecpEcdsa ecdsa) {
    SecpPrivateKey key = SecpPrivateKey.fromHexString("0x" + "46".repeat(32));
    SecpSignature signature = ecdsa.sign(HASH, key);
    assertThat(signature.r())
        .isEqualTo(
            new BigInteger(
                "18515461264373351373200002665853028612451056578545711640558177340181847433846"));
    assertThat(signature.s())
        .isEqualTo(
            new BigInteger(
                "46948507304638947509940763649030358759909902576025900602547168820602576006531"));
    assertThat(EthereumV.eip155(signature.recoveryId(), 1)).isEqualTo(BigInteger.valueOf(37));
    assertThat(Address.fromPublicKey(ecdsa.recoverPublicKey(HASH, signature).publicKey().get()))
        .isEqualTo(Address.fromHexString("0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F"));
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void shouldSignLowSAndRecoverTheSigner(SecpEcdsa ecdsa) {
    SecpSignature signature = ecdsa.sign(HASH, KEY);
    assertThat(signature.isCanonical()).isTrue();
    assertThat(ecdsa.recoverPublicKey(HASH, signature).publicKey())
        .contains(ecdsa.publicKeyOf(KEY));
    assertThat(ecdsa.verify(HASH, signature, ecdsa.publicKeyOf(KEY))).isTrue();
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void shouldRejectASignatureOverAnotherHashOrByAnotherKey(SecpEcdsa ecdsa) {
    SecpSignature signature = ecdsa.sign(HASH, KEY);
    Bytes32 otherHash = Bytes32.fromHexString("0x" + "11".repeat(32));
    SecpPublicKey otherKey =
        ecdsa.publicKeyOf(SecpPrivateKey.fromHexString("0x" + "22".repeat(32)));
    assertThat(ecdsa.verify(otherHash, signature, ecdsa.publicKeyOf(KEY))).isFalse();
    assertThat(ecdsa.verify(HASH, signature, otherKey)).isFalse();
    assertThat(ecdsa.recoverPublicKey(otherHash, signature).publicKey())
        .isNotEqualTo(ecdsa.recoverPublicKey(HASH, signature).publicKey());
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void shouldAcceptHighSOnRecoveryAndVerificationButFlagItNonCanonical(SecpEcdsa ecdsa) {
    SecpSignature low = ecdsa.sign(HASH, KEY);
    SecpSignature high =
        new SecpSignature(low.r(), SecpCurve.N.subtract(low.s()), low.recoveryId() ^ 1);
    assertThat(high.isCanonical()).isFalse();
    assertThat(high.normalized()).isEqualTo(low);
    assertThat(ecdsa.recoverPublicKey(HASH, high).publicKey()).contains(ecdsa.publicKeyOf(KEY));
    assertThat(ecdsa.verify(HASH, high, ecdsa.publicKeyOf(KEY))).isTrue();
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void shouldReportOutOfRangeComponentsAsTypedErrors(SecpEcdsa ecdsa) {
    BigInteger one = BigInteger.ONE;
    assertThat(ecdsa.recoverPublicKey(HASH, BigInteger.ZERO, one, 0).error())
        .contains(RecoveryError.R_OUT_OF_RANGE);
    assertThat(ecdsa.recoverPublicKey(HASH, SecpCurve.N, one, 0).error())
        .contains(RecoveryError.R_OUT_OF_RANGE);
    assertThat(ecdsa.recoverPublicKey(HASH, BigInteger.TWO.pow(300), one, 0).error())
        .contains(RecoveryError.R_OUT_OF_RANGE);
    assertThat(ecdsa.recoverPublicKey(HASH, one.negate(), one, 0).error())
        .contains(RecoveryError.R_OUT_OF_RANGE);
    assertThat(ecdsa.recoverPublicKey(HASH, one, BigInteger.ZERO, 0).error())
        .contains(RecoveryError.S_OUT_OF_RANGE);
    assertThat(ecdsa.recoverPublicKey(HASH, one, SecpCurve.N, 0).error())
        .contains(RecoveryError.S_OUT_OF_RANGE);
    assertThat(ecdsa.recoverPublicKey(HASH, one, one, 4).error())
        .contains(RecoveryError.INVALID_RECOVERY_ID);
    assertThat(ecdsa.recoverPublicKey(HASH, one, one, -1).error())
        .contains(RecoveryError.INVALID_RECOVERY_ID);
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void shouldReportAnRThatNamesNoCurvePoint(SecpEcdsa ecdsa) {
    // x = 5: 5^3 + 7 = 132 is not a square mod P, so no point has x-coordinate 5.
    assertThat(isXCoordinate(BigInteger.valueOf(5))).isFalse();
    assertThat(ecdsa.recoverPublicKey(HASH, BigInteger.valueOf(5), BigInteger.ONE, 0).error())
        .contains(RecoveryError.NO_PUBLIC_KEY);
    // Recovery id 2 asks for x = r + N, which is >= P for every r above P - N.
    assertThat(
            ecdsa
                .recoverPublicKey(HASH, SecpCurve.N.subtract(BigInteger.ONE), BigInteger.ONE, 2)
                .error())
        .contains(RecoveryError.NO_PUBLIC_KEY);
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void shouldRecoverWithRecoveryIdTwoWhenRPlusNIsAnXCoordinate(SecpEcdsa ecdsa) {
    // The smallest r for which r + N is the x-coordinate of a curve point.
    BigInteger r = BigInteger.ONE;
    while (!isXCoordinate(r.add(SecpCurve.N))) {
      r = r.add(BigInteger.ONE);
    }
    SecpSignature signature = new SecpSignature(r, BigInteger.TWO, 2);
    SecpPublicKey key = ecdsa.recoverPublicKey(HASH, signature).publicKey().orElseThrow();
    // The key verifies the signature: u1 G + u2 Q lands on R, whose x is r + N = r (mod N).
    assertThat(ecdsa.verify(HASH, signature, key)).isTrue();
    assertThat(ecdsa.recoverPublicKey(HASH, r, BigInteger.TWO, 0).publicKey()).isNotEqualTo(key);
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void shouldSignAHashAboveTheCurveOrderLikeLibsecp256k1(SecpEcdsa ecdsa) {
    // e >= N is reduced mod N, and RFC 6979 reduces it the same way for the nonce.
    Bytes32 allOnes = Bytes32.fromHexString("0x" + "ff".repeat(32));
    SecpSignature signature = ecdsa.sign(allOnes, KEY);
    assertThat(signature).isEqualTo(NativeSecpEcdsa.load().sign(allOnes, KEY));
    assertThat(ecdsa.recoverPublicKey(allOnes, signature).publicKey())
        .contains(ecdsa.publicKeyOf(KEY));
  }

  private static boolean isXCoordinate(BigInteger x) {
    try {
      SecpPublicKey.fromBytes(
          org.apache.tuweni.bytes.Bytes.concatenate(
              org.apache.tuweni.bytes.Bytes.of(2),
              Bytes32.wrap(org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, x))));
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
