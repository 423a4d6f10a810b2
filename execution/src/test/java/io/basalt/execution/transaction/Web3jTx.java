package io.basalt.execution.transaction;

import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.web3j.crypto.AccessListObject;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;

/**
 * Transactions signed by web3j, an independent Ethereum implementation, so that Basalt's codec is
 * checked against bytes it did not produce. Fields default to a plain 1 ETH transfer from Hardhat
 * dev account 0 on the local preset's shard 0; each setter returns this.
 */
final class Web3jTx {

  static final String KEY_0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
  static final String ADDRESS_0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
  static final String KEY_1 = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
  static final String ADDRESS_1 = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

  /** The local preset's CHAIN_ID_BASE, so shard 0's chain id. */
  static final long CHAIN_ID = 7_612_900L;

  static final BigInteger GWEI = BigInteger.TEN.pow(9);
  static final BigInteger ETHER = BigInteger.TEN.pow(18);

  Credentials credentials = Credentials.create(KEY_0);
  long chainId = CHAIN_ID;
  BigInteger nonce = BigInteger.valueOf(5);
  BigInteger gasPrice = GWEI.multiply(BigInteger.TWO);
  BigInteger maxPriorityFeePerGas = GWEI;
  BigInteger maxFeePerGas = GWEI.multiply(BigInteger.TWO);
  BigInteger gasLimit = BigInteger.valueOf(21_000);
  String to = ADDRESS_1;
  BigInteger value = ETHER;
  String data = "";
  List<AccessListObject> accessList = List.of();

  static Web3jTx transfer() {
    return new Web3jTx();
  }

  Web3jTx key(String privateKey) {
    credentials = Credentials.create(privateKey);
    return this;
  }

  Web3jTx chainId(long id) {
    chainId = id;
    return this;
  }

  Web3jTx nonce(BigInteger n) {
    nonce = n;
    return this;
  }

  Web3jTx nonce(long n) {
    return nonce(BigInteger.valueOf(n));
  }

  Web3jTx gasPrice(BigInteger price) {
    gasPrice = price;
    return this;
  }

  Web3jTx fees(BigInteger priority, BigInteger max) {
    maxPriorityFeePerGas = priority;
    maxFeePerGas = max;
    return this;
  }

  Web3jTx gasLimit(long gas) {
    gasLimit = BigInteger.valueOf(gas);
    return this;
  }

  Web3jTx to(String address) {
    to = address;
    return this;
  }

  Web3jTx value(BigInteger wei) {
    value = wei;
    return this;
  }

  Web3jTx data(String hex) {
    data = hex;
    return this;
  }

  Web3jTx accessList(List<AccessListObject> list) {
    accessList = list;
    return this;
  }

  RawTransaction legacyRaw() {
    return RawTransaction.createTransaction(nonce, gasPrice, gasLimit, to, value, data);
  }

  RawTransaction eip1559Raw() {
    return RawTransaction.createTransaction(
        chainId, nonce, gasLimit, to, value, data, maxPriorityFeePerGas, maxFeePerGas, accessList);
  }

  /** The EIP-155 signed legacy transaction. */
  Bytes signLegacy() {
    return Bytes.wrap(TransactionEncoder.signMessage(legacyRaw(), chainId, credentials));
  }

  /** The legacy transaction signed before EIP-155 (v = 27 or 28), valid on any chain. */
  Bytes signLegacyPreEip155() {
    return Bytes.wrap(TransactionEncoder.signMessage(legacyRaw(), credentials));
  }

  /** The signed {@code 0x02 || rlp(...)} transaction. */
  Bytes sign1559() {
    return Bytes.wrap(TransactionEncoder.signMessage(eip1559Raw(), credentials));
  }

  /** A signed EIP-2930 (type 1) transaction, which Basalt does not take. */
  Bytes sign2930() {
    RawTransaction raw =
        RawTransaction.createTransaction(
            chainId, nonce, gasPrice, gasLimit, to, value, data, accessList);
    return Bytes.wrap(TransactionEncoder.signMessage(raw, credentials));
  }

  LegacyTransaction legacy() {
    return (LegacyTransaction) decode(signLegacy());
  }

  Eip1559Transaction eip1559() {
    return (Eip1559Transaction) decode(sign1559());
  }

  static Transaction decode(Bytes raw) {
    try {
      return TransactionDecoder.decode(raw);
    } catch (TransactionDecodingException e) {
      throw new AssertionError("web3j's transaction did not decode: " + e.getMessage(), e);
    }
  }
}
