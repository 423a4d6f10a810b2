package io.basalt.execution.transaction;

import static io.basalt.execution.transaction.Web3jTx.ADDRESS_0;
import static io.basalt.execution.transaction.Web3jTx.ADDRESS_1;
import static io.basalt.execution.transaction.Web3jTx.CHAIN_ID;
import static io.basalt.execution.transaction.Web3jTx.GWEI;
import static io.basalt.execution.transaction.Web3jTx.KEY_1;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.crypto.secp256k1.SecpEcdsa;
import io.basalt.common.crypto.secp256k1.SecpPrivateKey;
import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.AccessListObject;
import org.web3j.crypto.Hash;
import org.web3j.crypto.TransactionUtils;

/** Transactions signed by web3j decode, hash, re-encode and recover exactly as web3j says. */
class Web3jCompatibilityTest {

  @Test
  void shouldMatchWeb3jForLegacyEip155Transfer() {
    Web3jTx spec = Web3jTx.transfer();
    Bytes signed = spec.signLegacy();

    LegacyTransaction tx = (LegacyTransaction) Web3jTx.decode(signed);

    assertThat(tx.encode()).isEqualTo(signed);
    assertThat(tx.hash()).isEqualTo(Bytes32.wrap(Hash.sha3(signed.toArray())));
    assertThat(tx.chainId()).contains(BigInteger.valueOf(CHAIN_ID));
    assertThat(tx.isPreEip155()).isFalse();
    assertThat(sender(tx)).isEqualTo(Address.fromHexString(ADDRESS_0));
    assertThat(tx.to()).contains(Address.fromHexString(ADDRESS_1));
    assertThat(tx.nonce()).isEqualTo(UInt64.valueOf(5));
    assertThat(tx.gasPrice()).isEqualTo(GWEI.multiply(BigInteger.TWO));
    assertThat(tx.value()).isEqualTo(Web3jTx.ETHER);
  }

  @Test
  void shouldMatchWeb3jForEip1559Transfer() {
    Web3jTx spec = Web3jTx.transfer();
    Bytes signed = spec.sign1559();

    Eip1559Transaction tx = (Eip1559Transaction) Web3jTx.decode(signed);

    assertThat(signed.get(0)).isEqualTo((byte) 0x02);
    assertThat(tx.encode()).isEqualTo(signed);
    assertThat(tx.hash().toHexString())
        .isEqualTo(
            TransactionUtils.generateTransactionHashHexEncoded(
                spec.eip1559Raw(), spec.credentials));
    assertThat(sender(tx)).isEqualTo(Address.fromHexString(ADDRESS_0));
    assertThat(tx.chainId()).contains(BigInteger.valueOf(CHAIN_ID));
    assertThat(tx.maxPriorityFeePerGas()).isEqualTo(GWEI);
    assertThat(tx.maxFeePerGas()).isEqualTo(GWEI.multiply(BigInteger.TWO));
  }

  @Test
  void shouldMatchWeb3jForTransactionsWithDataAndAccessList() {
    Web3jTx spec =
        Web3jTx.transfer()
            .key(KEY_1)
            .to(ADDRESS_0)
            .nonce(0)
            .value(BigInteger.ZERO)
            .gasLimit(100_000)
            .data("0x00a9059cbb00000000000000000000000000ff")
            .accessList(
                List.of(
                    new AccessListObject(
                        ADDRESS_1,
                        List.of(
                            "0x0000000000000000000000000000000000000000000000000000000000000001",
                            "0x00000000000000000000000000000000000000000000000000000000000000ff")),
                    new AccessListObject(ADDRESS_0, List.of())));

    for (Bytes signed : List.of(spec.signLegacy(), spec.sign1559())) {
      Transaction tx = Web3jTx.decode(signed);

      assertThat(tx.encode()).isEqualTo(signed);
      assertThat(tx.hash()).isEqualTo(Bytes32.wrap(Hash.sha3(signed.toArray())));
      assertThat(sender(tx)).isEqualTo(Address.fromHexString(Web3jTx.ADDRESS_1));
      assertThat(tx.data())
          .isEqualTo(Bytes.fromHexString("0x00a9059cbb00000000000000000000000000ff"));
    }
    Eip1559Transaction typed = (Eip1559Transaction) Web3jTx.decode(spec.sign1559());
    assertThat(typed.accessList()).hasSize(2);
    assertThat(typed.accessList().get(0).storageKeys()).hasSize(2);
    assertThat(typed.accessList().get(1).storageKeys()).isEmpty();
  }

  @Test
  void shouldMatchWeb3jForLargeValuesNonceAndChainId() {
    Web3jTx spec =
        Web3jTx.transfer()
            .chainId(7_612_863L)
            .nonce(new BigInteger("18446744073709551614"))
            .value(BigInteger.TWO.pow(200))
            .fees(BigInteger.TWO.pow(100), BigInteger.TWO.pow(255))
            .gasPrice(BigInteger.TWO.pow(250).add(BigInteger.ONE))
            .gasLimit(30_000_000);

    for (Bytes signed : List.of(spec.signLegacy(), spec.sign1559())) {
      Transaction tx = Web3jTx.decode(signed);

      assertThat(tx.encode()).isEqualTo(signed);
      assertThat(tx.hash()).isEqualTo(Bytes32.wrap(Hash.sha3(signed.toArray())));
      assertThat(sender(tx)).isEqualTo(Address.fromHexString(ADDRESS_0));
      assertThat(tx.chainId()).contains(BigInteger.valueOf(7_612_863L));
    }
  }

  @Test
  void shouldSignByteForByteAsWeb3jDoes() {
    // Both sign deterministically (RFC 6979, low s), so the same transaction gives the same bytes.
    Web3jTx spec = Web3jTx.transfer().data("0x1234");
    SecpPrivateKey key = SecpPrivateKey.fromHexString(Web3jTx.KEY_0);
    SecpEcdsa ecdsa = SecpEcdsa.getDefault();

    LegacyTransaction legacy =
        LegacyTransaction.unsigned(
            UInt64.valueOf(5),
            spec.gasPrice,
            UInt64.valueOf(21_000),
            Optional.of(Address.fromHexString(ADDRESS_1)),
            spec.value,
            Bytes.fromHexString("0x1234"));
    Eip1559Transaction typed =
        Eip1559Transaction.unsigned(
            BigInteger.valueOf(CHAIN_ID),
            UInt64.valueOf(5),
            spec.maxPriorityFeePerGas,
            spec.maxFeePerGas,
            UInt64.valueOf(21_000),
            Optional.of(Address.fromHexString(ADDRESS_1)),
            spec.value,
            Bytes.fromHexString("0x1234"),
            List.of());

    assertThat(TransactionSigner.sign(legacy, CHAIN_ID, key, ecdsa).encode())
        .isEqualTo(spec.signLegacy());
    assertThat(TransactionSigner.sign(typed, key, ecdsa).encode()).isEqualTo(spec.sign1559());
  }

  static Address sender(Transaction tx) {
    SenderResult result = SenderRecovery.recover(tx);
    assertThat(result).isInstanceOf(SenderResult.Recovered.class);
    return ((SenderResult.Recovered) result).sender();
  }
}
