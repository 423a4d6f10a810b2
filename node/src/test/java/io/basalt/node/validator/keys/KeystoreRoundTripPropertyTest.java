package io.basalt.node.validator.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.crypto.bls.BlsSecretKey;
import java.math.BigInteger;
import java.security.SecureRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

class KeystoreRoundTripPropertyTest {

  @Property(tries = 12)
  void encryptThenDecryptGivesTheSecretBack(
      @ForAll("scalars") BigInteger scalar,
      @ForAll @StringLength(max = 24) String password,
      @ForAll KdfFunction function)
      throws Exception {
    BlsSecretKey secret = BlsSecretKey.fromScalar(scalar);
    Keystore keystore =
        Keystore.parse(
            Keystore.encrypt(
                    secret, password, function, KdfStrength.LIGHT, "", "", new SecureRandom())
                .toJson(),
            "p.json");
    assertThat(keystore.decrypt(password)).isEqualTo(secret);
    assertThatThrownBy(() -> keystore.decrypt(password + "x"))
        .isInstanceOf(KeystoreException.class)
        .hasMessageContaining("wrong password");
  }

  @Provide
  Arbitrary<BigInteger> scalars() {
    return Arbitraries.bigIntegers()
        .between(BigInteger.ONE, BlsSecretKey.CURVE_ORDER.subtract(BigInteger.ONE));
  }
}
