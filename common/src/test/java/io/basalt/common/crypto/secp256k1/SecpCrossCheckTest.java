package io.basalt.common.crypto.secp256k1;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.crypto.Hash;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/** The native and BouncyCastle implementations agree on random keys, messages and garbage. */
class SecpCrossCheckTest {

  private static final SecpEcdsa NATIVE = NativeSecpEcdsa.load();
  private static final SecpEcdsa BOUNCY_CASTLE = new BouncyCastleSecpEcdsa();

  @Property(tries = 200)
  void bothSignIdenticallyAndRecoverTheSigner(
      @ForAll("privateKeys") SecpPrivateKey key, @ForAll("hashes") Bytes32 hash) {
    SecpPublicKey publicKey = NATIVE.publicKeyOf(key);
    assertThat(BOUNCY_CASTLE.publicKeyOf(key)).isEqualTo(publicKey);

    SecpSignature signature = NATIVE.sign(hash, key);
    assertThat(BOUNCY_CASTLE.sign(hash, key)).isEqualTo(signature);
    assertThat(signature.isCanonical()).isTrue();

    assertThat(NATIVE.recoverPublicKey(hash, signature).publicKey()).contains(publicKey);
    assertThat(BOUNCY_CASTLE.recoverPublicKey(hash, signature).publicKey()).contains(publicKey);
    assertThat(NATIVE.verify(hash, signature, publicKey)).isTrue();
    assertThat(BOUNCY_CASTLE.verify(hash, signature, publicKey)).isTrue();

    // Again with the same key (the native signer now knows its public key), on another message.
    Bytes32 other = Hash.keccak256(hash);
    assertThat(NATIVE.sign(other, key)).isEqualTo(BOUNCY_CASTLE.sign(other, key));
    // The native signer finds the recovery id without BouncyCastle's R: both ids must occur.
    Statistics.collect(signature.recoveryId());
    Statistics.coverage(
        coverage -> {
          coverage.check(0).count(n -> n >= 40);
          coverage.check(1).count(n -> n >= 40);
        });
  }

  @Property(tries = 400)
  void bothGiveTheSameOutcomeOnArbitraryRecoveryInput(
      @ForAll("hashes") Bytes32 hash,
      @ForAll("scalars") BigInteger r,
      @ForAll("scalars") BigInteger s,
      @ForAll("recoveryIds") int recoveryId) {
    RecoveryResult fromNative = NATIVE.recoverPublicKey(hash, r, s, recoveryId);
    assertThat(BOUNCY_CASTLE.recoverPublicKey(hash, r, s, recoveryId)).isEqualTo(fromNative);
    Statistics.collect(fromNative.error().map(Enum::name).orElse("RECOVERED"));
    // Both outcomes, and each range error, must actually have been exercised.
    Statistics.coverage(
        coverage -> {
          coverage.check("RECOVERED").count(n -> n >= 20);
          coverage.check("NO_PUBLIC_KEY").count(n -> n >= 20);
          coverage.check("R_OUT_OF_RANGE").count(n -> n >= 1);
          coverage.check("S_OUT_OF_RANGE").count(n -> n >= 1);
          coverage.check("INVALID_RECOVERY_ID").count(n -> n >= 1);
        });
  }

  @Provide
  Arbitrary<SecpPrivateKey> privateKeys() {
    return Arbitraries.bytes()
        .array(byte[].class)
        .ofSize(32)
        .filter(b -> SecpCurve.isValidScalar(new BigInteger(1, b)))
        .map(b -> SecpPrivateKey.fromBytes(Bytes.wrap(b)));
  }

  @Provide
  Arbitrary<Bytes32> hashes() {
    return Arbitraries.bytes().array(byte[].class).ofSize(32).map(Bytes32::wrap);
  }

  /** Mostly the valid ids 0 to 3, sometimes an invalid one. */
  @Provide
  Arbitrary<Integer> recoveryIds() {
    return Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.integers().between(0, 3)),
        Tuple.of(1, Arbitraries.of(-1, 4, 27, 28, 37)));
  }

  /** Mostly uniform 256-bit values (some at or above N), plus the edges 0, 1, N-1 and N. */
  @Provide
  Arbitrary<BigInteger> scalars() {
    return Arbitraries.frequencyOf(
        Tuple.of(
            10, Arbitraries.bytes().array(byte[].class).ofSize(32).map(b -> new BigInteger(1, b))),
        Tuple.of(
            1,
            Arbitraries.of(
                BigInteger.ZERO,
                BigInteger.ONE,
                SecpCurve.N.subtract(BigInteger.ONE),
                SecpCurve.N,
                SecpCurve.HALF_N.add(BigInteger.ONE))));
  }
}
