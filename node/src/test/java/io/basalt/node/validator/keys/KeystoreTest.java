package io.basalt.node.validator.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.crypto.bls.BlsSecretKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class KeystoreTest {

  static final String PASSWORD = "𝔱𝔢𝔰𝔱𝔭𝔞𝔰𝔰𝔴𝔬𝔯𝔡🔑";
  static final Bytes SECRET =
      Bytes.fromHexString("0x000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f");

  static String vector(String name) throws IOException {
    try (InputStream in = KeystoreTest.class.getResourceAsStream("/eip2335/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void shouldProcessThePasswordAsTheEipEncodes() {
    assertThat(Bytes.wrap(KeystorePassword.process(PASSWORD)))
        .isEqualTo(Bytes.fromHexString("0x7465737470617373776f7264f09f9491"));
    assertThat(
            new String(
                KeystorePassword.process("a\u0000b\u007fc\u0085d e"), StandardCharsets.UTF_8))
        .isEqualTo("abcd e");
  }

  @Test
  void shouldDecryptTheScryptVector() throws Exception {
    Keystore keystore = Keystore.parse(vector("scrypt.json"), "scrypt.json");
    assertThat(keystore.kdf()).isInstanceOf(Kdf.Scrypt.class);
    assertThat(keystore.decrypt(PASSWORD).toBytes()).isEqualTo(SECRET);
    assertThat(keystore.path()).isEqualTo("m/12381/60/3141592653/589793238");
  }

  @Test
  void shouldDecryptThePbkdf2Vector() throws Exception {
    Keystore keystore = Keystore.parse(vector("pbkdf2.json"), "pbkdf2.json");
    assertThat(keystore.kdf()).isInstanceOf(Kdf.Pbkdf2.class);
    assertThat(keystore.decrypt(PASSWORD).toBytes()).isEqualTo(SECRET);
  }

  @Test
  void shouldReportAWrongPasswordByName() throws Exception {
    Keystore keystore = Keystore.parse(vector("pbkdf2.json"), "pbkdf2.json");
    assertThatThrownBy(() -> keystore.decrypt("testpassword"))
        .isInstanceOf(KeystoreException.class)
        .hasMessage("keystore pbkdf2.json: wrong password (checksum mismatch)");
  }

  @Test
  void shouldRoundTripThroughJsonWithLightParams() throws Exception {
    BlsSecretKey secret = BlsSecretKey.fromBytes(SECRET);
    for (KdfFunction function : KdfFunction.values()) {
      Keystore written =
          Keystore.encrypt(
              secret,
              "pw",
              function,
              KdfStrength.LIGHT,
              "m/12381/3600/0/0/0",
              "d",
              new SecureRandom());
      Keystore read = Keystore.parse(written.toJson(), "k.json");
      assertThat(read.decrypt("pw")).isEqualTo(secret);
      assertThat(read.pubkey()).contains(secret.publicKey().toBytes());
      assertThat(read.uuid()).isEqualTo(written.uuid());
      assertThat(read.kdf()).isEqualTo(written.kdf());
    }
  }

  @Test
  void shouldNameTheFieldOfMalformedKeystores() throws Exception {
    String good = vector("scrypt.json");
    assertThatThrownBy(() -> Keystore.parse("{not json", "a.json"))
        .isInstanceOf(KeystoreException.class)
        .hasMessageStartingWith("keystore a.json: not valid JSON");
    assertThatThrownBy(() -> Keystore.parse(good.replace("\"scrypt\"", "\"argon2\""), "a.json"))
        .hasMessageContaining("'crypto.kdf.function'")
        .hasMessageContaining("argon2");
    assertThatThrownBy(() -> Keystore.parse(good.replace("aes-128-ctr", "aes-256-gcm"), "a.json"))
        .hasMessageContaining("'crypto.cipher.function'");
    assertThatThrownBy(
            () -> Keystore.parse(good.replace("\"version\": 4", "\"version\": 3"), "a.json"))
        .hasMessageContaining("'version'");
    assertThatThrownBy(
            () -> Keystore.parse(good.replace("264daa3f303d7259501c93d997d84fe6", "26"), "a.json"))
        .hasMessageContaining("'crypto.cipher.params.iv' must be 16 bytes");
    assertThatThrownBy(() -> Keystore.parse(good.replace("\"n\": 262144", "\"n\": 1000"), "a.json"))
        .hasMessageContaining("'crypto.kdf.params.n'");
    assertThatThrownBy(() -> Keystore.parse(good.replace("\"uuid\"", "\"uid\""), "a.json"))
        .hasMessage("keystore a.json: field 'uuid' is missing");
    assertThatThrownBy(() -> Keystore.parse("[]", "a.json"))
        .hasMessage("keystore a.json: must be a JSON object");
  }
}
