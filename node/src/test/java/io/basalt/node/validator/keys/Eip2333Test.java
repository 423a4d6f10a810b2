package io.basalt.node.validator.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.common.crypto.bls.BlsSecretKey;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class Eip2333Test {

  private static JsonNode cases() throws IOException {
    try (InputStream in = Eip2333Test.class.getResourceAsStream("/eip2333/test-cases.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  @Test
  void shouldMatchEveryEip2333TestCase() throws IOException {
    JsonNode cases = cases();
    assertThat(cases.size()).isEqualTo(4);
    for (JsonNode c : cases) {
      Bytes seed = Bytes.fromHexString(c.get("seed").asText());
      BigInteger master = Eip2333.deriveMasterSk(seed);
      assertThat(master)
          .as(c.get("name").asText())
          .isEqualTo(new BigInteger(c.get("master_SK").asText()));
      BigInteger child = Eip2333.deriveChildSk(master, c.get("child_index").asLong());
      assertThat(child)
          .as(c.get("name").asText())
          .isEqualTo(new BigInteger(c.get("child_SK").asText()));
    }
  }

  @Test
  void shouldDeriveTestCase0SeedFromItsMnemonic() throws IOException {
    JsonNode c = cases().get(0);
    Bytes seed = Mnemonics.seed(c.get("mnemonic").asText(), c.get("passphrase").asText());
    assertThat(seed).isEqualTo(Bytes.fromHexString(c.get("seed").asText()));
  }

  @Test
  void shouldFollowPathAsRepeatedChildDerivation() {
    Bytes seed =
        Bytes.fromHexString("0x3141592653589793238462643383279502884197169399375105820974944592");
    BigInteger expected = Eip2333.deriveMasterSk(seed);
    for (long index : new long[] {12381, 3600, 7, 0, 0}) {
      expected = Eip2333.deriveChildSk(expected, index);
    }
    assertThat(Eip2333.deriveKey(seed, Eip2334.signingKeyPath(7)))
        .isEqualTo(BlsSecretKey.fromScalar(expected));
  }

  @Test
  void shouldRejectShortSeedsAndBadIndicesAndPaths() {
    assertThatThrownBy(() -> Eip2333.deriveMasterSk(Bytes.wrap(new byte[31])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 32 bytes");
    assertThatThrownBy(() -> Eip2333.deriveChildSk(BigInteger.ONE, 1L << 32))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Eip2334.parse("x/1")).hasMessageContaining("must start with 'm'");
    assertThatThrownBy(() -> Eip2334.parse("m/12381/-1")).hasMessageContaining("'-1'");
    assertThatThrownBy(() -> Eip2334.parse("m/4294967296")).hasMessageContaining("below 2^32");
    assertThat(Eip2334.parse("m")).isEmpty();
    assertThat(Eip2334.keystoreName(5)).isEqualTo("keystore-m_12381_3600_5_0_0");
  }
}
