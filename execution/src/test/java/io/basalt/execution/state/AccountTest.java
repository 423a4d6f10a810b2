package io.basalt.execution.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.crypto.Hash;
import io.basalt.common.types.UInt64;
import io.basalt.execution.rlp.RlpException;
import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class AccountTest {

  @Test
  void emptyCodeHashShouldBeKeccakOfNothing() {
    assertThat(Account.EMPTY_CODE_HASH).isEqualTo(Hash.keccak256(Bytes.EMPTY));
  }

  @Test
  void accountRlpShouldMatchEthereumEncoding() {
    // From ethereum/tests TrieTests/hex_encoded_securetrie_test.json: nonce 1, balance 99960519.
    Bytes rlp =
        Bytes.fromHexString(
            "0xf848018405f446a7a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421"
                + "a0c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    Account account = Account.of(UInt64.ONE, Wei.of(0x05f446a7));
    assertThat(account.toRlp()).isEqualTo(rlp);
    assertThat(Account.fromRlp(rlp)).isEqualTo(account);
  }

  @Test
  void emptyAccountShouldEncodeZeroesAsEmptyStrings() {
    assertThat(Account.EMPTY.toRlp().slice(0, 4)).isEqualTo(Bytes.fromHexString("0xf8448080"));
    assertThat(Account.EMPTY.isEmpty()).isTrue();
    assertThat(Account.of(UInt64.ZERO, Wei.of(1)).isEmpty()).isFalse();
    assertThat(Account.of(UInt64.ONE, Wei.ZERO).isEmpty()).isFalse();
  }

  @Test
  void fromRlpShouldRejectMalformedAccounts() {
    Bytes valid = Account.of(UInt64.ONE, Wei.of(5)).toRlp();
    assertThatThrownBy(() -> Account.fromRlp(Bytes.concatenate(valid, Bytes.of(0x80))))
        .isInstanceOf(RlpException.class);
    assertThatThrownBy(() -> Account.fromRlp(Bytes.fromHexString("0xc50102030405")))
        .isInstanceOf(RlpException.class);
    assertThatThrownBy(() -> Account.fromRlp(Bytes.fromHexString("0xc20102")))
        .isInstanceOf(RlpException.class);
  }

  @Test
  void weiShouldStayWithinUnsigned256Bits() {
    assertThatThrownBy(() -> new Wei(BigInteger.ONE.negate()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Wei(BigInteger.ONE.shiftLeft(256)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Wei.MAX_VALUE.plus(Wei.of(1))).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Wei.of(1).minus(Wei.of(2))).isInstanceOf(ArithmeticException.class);
    assertThat(Wei.ofEther(2).minus(Wei.ofEther(1))).isEqualTo(Wei.ofEther(1));
  }
}
