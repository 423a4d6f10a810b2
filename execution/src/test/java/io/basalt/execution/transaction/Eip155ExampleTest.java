package io.basalt.execution.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.crypto.Hash;
import io.basalt.common.crypto.secp256k1.SecpEcdsa;
import io.basalt.common.crypto.secp256k1.SecpPrivateKey;
import io.basalt.common.crypto.secp256k1.SecpPublicKey;
import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import java.math.BigInteger;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/** The worked example of EIP-155, byte for byte. */
class Eip155ExampleTest {

  private static final Bytes SIGNED =
      Bytes.fromHexString(
          "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a7640000"
              + "8025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d899"
              + "7f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83");
  private static final Bytes32 SIGNING_HASH =
      Bytes32.fromHexString("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53");
  private static final SecpPrivateKey KEY =
      SecpPrivateKey.fromHexString(
          "0x4646464646464646464646464646464646464646464646464646464646464646");

  private static LegacyTransaction unsigned() {
    return LegacyTransaction.unsigned(
        UInt64.valueOf(9),
        BigInteger.valueOf(20_000_000_000L),
        UInt64.valueOf(21_000),
        Optional.of(Address.fromHexString("0x3535353535353535353535353535353535353535")),
        BigInteger.TEN.pow(18),
        Bytes.EMPTY);
  }

  @Test
  void shouldComputeTheSigningHashOfTheExample() {
    assertThat(unsigned().signingHash(Optional.of(BigInteger.ONE))).isEqualTo(SIGNING_HASH);
  }

  @Test
  void shouldDecodeTheSignedExample() throws TransactionDecodingException {
    LegacyTransaction tx = (LegacyTransaction) TransactionDecoder.decode(SIGNED);

    assertThat(tx.v()).isEqualTo(BigInteger.valueOf(37));
    assertThat(tx.r())
        .isEqualTo(
            new BigInteger(
                "18515461264373351373200002665853028612451056578545711640558177340181847433846"));
    assertThat(tx.s())
        .isEqualTo(
            new BigInteger(
                "46948507304638947509940763649030358759909902576025900602547168820602576006531"));
    assertThat(tx.chainId()).contains(BigInteger.ONE);
    assertThat(tx.signingHash()).isEqualTo(SIGNING_HASH);
    assertThat(tx.encode()).isEqualTo(SIGNED);
    assertThat(tx.hash()).isEqualTo(Hash.keccak256(SIGNED));
    SecpPublicKey publicKey = SecpEcdsa.getDefault().publicKeyOf(KEY);
    assertThat(Web3jCompatibilityTest.sender(tx)).isEqualTo(Address.fromPublicKey(publicKey));
  }

  @Test
  void shouldReproduceTheSignedExample() {
    LegacyTransaction signed = TransactionSigner.sign(unsigned(), 1, KEY, SecpEcdsa.getDefault());

    assertThat(signed.encode()).isEqualTo(SIGNED);
  }
}
