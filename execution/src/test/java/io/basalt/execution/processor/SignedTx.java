package io.basalt.execution.processor;

import io.basalt.common.crypto.secp256k1.SecpEcdsa;
import io.basalt.common.crypto.secp256k1.SecpPrivateKey;
import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import io.basalt.execution.transaction.Eip1559Transaction;
import io.basalt.execution.transaction.LegacyTransaction;
import io.basalt.execution.transaction.SenderRecovery;
import io.basalt.execution.transaction.SenderResult;
import io.basalt.execution.transaction.Transaction;
import io.basalt.execution.transaction.TransactionSigner;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/**
 * Really signed transactions for processor tests: a 1 ETH type-2 transfer on shard 0 by default,
 * with the sender recovered from the signature. Setters return this.
 */
final class SignedTx {

  static final SecpEcdsa ECDSA = SecpEcdsa.getDefault();
  static final long CHAIN_ID = 7_612_900L;
  static final BigInteger GWEI = BigInteger.TEN.pow(9);
  static final BigInteger ETHER = BigInteger.TEN.pow(18);
  static final SecpPrivateKey KEY_0 =
      SecpPrivateKey.fromHexString(
          "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
  static final SecpPrivateKey KEY_1 =
      SecpPrivateKey.fromHexString(
          "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
  static final Address ADDRESS_0 = addressOf(KEY_0);
  static final Address ADDRESS_1 = addressOf(KEY_1);

  SecpPrivateKey key = KEY_0;
  long chainId = CHAIN_ID;
  UInt64 nonce = UInt64.ZERO;
  BigInteger maxPriorityFeePerGas = GWEI.multiply(BigInteger.TWO);
  BigInteger maxFeePerGas = GWEI.multiply(BigInteger.TEN);
  long gasLimit = 21_000;
  Optional<Address> to = Optional.of(ADDRESS_1);
  BigInteger value = ETHER;
  Bytes data = Bytes.EMPTY;

  static SignedTx transfer() {
    return new SignedTx();
  }

  static Address addressOf(SecpPrivateKey key) {
    return Address.fromPublicKey(ECDSA.publicKeyOf(key));
  }

  SignedTx key(SecpPrivateKey k) {
    key = k;
    return this;
  }

  SignedTx chainId(long id) {
    chainId = id;
    return this;
  }

  SignedTx nonce(long n) {
    return nonce(UInt64.valueOf(n));
  }

  SignedTx nonce(UInt64 n) {
    nonce = n;
    return this;
  }

  SignedTx fees(BigInteger priority, BigInteger max) {
    maxPriorityFeePerGas = priority;
    maxFeePerGas = max;
    return this;
  }

  SignedTx gasLimit(long gas) {
    gasLimit = gas;
    return this;
  }

  SignedTx to(Address address) {
    to = Optional.ofNullable(address);
    return this;
  }

  SignedTx value(BigInteger wei) {
    value = wei;
    return this;
  }

  SignedTx data(Bytes bytes) {
    data = bytes;
    return this;
  }

  Eip1559Transaction eip1559() {
    return TransactionSigner.sign(
        Eip1559Transaction.unsigned(
            BigInteger.valueOf(chainId),
            nonce,
            maxPriorityFeePerGas,
            maxFeePerGas,
            UInt64.valueOf(gasLimit),
            to,
            value,
            data,
            List.of()),
        key,
        ECDSA);
  }

  /** Legacy with gasPrice = maxFeePerGas. */
  LegacyTransaction legacy() {
    return TransactionSigner.sign(
        LegacyTransaction.unsigned(nonce, maxFeePerGas, UInt64.valueOf(gasLimit), to, value, data),
        chainId,
        key,
        ECDSA);
  }

  RecoveredTransaction recovered() {
    return recover(eip1559());
  }

  static RecoveredTransaction recover(Transaction tx) {
    return switch (SenderRecovery.recover(tx)) {
      case SenderResult.Recovered r -> new RecoveredTransaction(tx, r.sender());
      case SenderResult.Invalid i -> new RecoveredTransaction(tx, ADDRESS_0);
    };
  }
}
