package io.basalt.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class HashTest {

  @Test
  void sha256ShouldMatchKnownAnswers() {
    assertThat(Hash.sha256(Bytes.EMPTY).toUnprefixedHexString())
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(Hash.sha256(Bytes.wrap("abc".getBytes(StandardCharsets.US_ASCII))).toHexString())
        .isEqualTo("0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void keccak256ShouldMatchEthereumNotSha3() {
    // Ethereum's empty-input Keccak-256 (the code hash of an account without code); FIPS SHA3-256
    // of the empty input is a7ffc6f8..., which this must not be.
    assertThat(Hash.keccak256(Bytes.EMPTY).toUnprefixedHexString())
        .isEqualTo("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    // The selector of transfer(address,uint256) is the first four bytes of its Keccak-256.
    Bytes signature = Bytes.wrap("transfer(address,uint256)".getBytes(StandardCharsets.US_ASCII));
    assertThat(Hash.keccak256(signature).slice(0, 4).toHexString()).isEqualTo("0xa9059cbb");
  }

  @Test
  void pairHashShouldEqualHashOfConcatenation() {
    byte[] a = new byte[32];
    byte[] b = new byte[32];
    b[31] = 1;
    assertThat(Hash.sha256(a, b))
        .isEqualTo(Hash.sha256(Bytes.concatenate(Bytes.wrap(a), Bytes.wrap(b))).toArrayUnsafe());
  }
}
