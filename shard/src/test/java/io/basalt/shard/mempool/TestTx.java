package io.basalt.shard.mempool;

import io.basalt.common.crypto.secp256k1.SecpEcdsa;
import io.basalt.common.crypto.secp256k1.SecpPrivateKey;
import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import io.basalt.execution.transaction.Eip1559Transaction;
import io.basalt.execution.transaction.LegacyTransaction;
import io.basalt.execution.transaction.TransactionSigner;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/** Signed test transfers: a builder over a deterministic key, defaults a wallet would pick. */
final class TestTx {

  static final long CHAIN_ID = 7_612_900L;
  static final BigInteger GWEI = BigInteger.TEN.pow(9);
  static final BigInteger ETHER = BigInteger.TEN.pow(18);
  static final Address RECIPIENT =
      Address.fromHexString("0x00000000000000000000000000000000000000aa");

  private static final SecpEcdsa ECDSA = SecpEcdsa.getDefault();

  private final SecpPrivateKey key;
  private long chainId = CHAIN_ID;
  private long nonce;
  private BigInteger tip = GWEI;
  private BigInteger maxFee = GWEI.multiply(BigInteger.TEN);
  private long gas = 21_000;
  private BigInteger value = BigInteger.ONE;
  private Optional<Address> to = Optional.of(RECIPIENT);

  private TestTx(SecpPrivateKey key) {
    this.key = key;
  }

  /** The deterministic key number {@code i} (i >= 0). */
  static SecpPrivateKey key(int i) {
    return SecpPrivateKey.fromBytes(Bytes32.leftPad(Bytes.ofUnsignedLong(i + 1L)));
  }

  static Address address(int i) {
    return Address.fromPublicKey(ECDSA.publicKeyOf(key(i)));
  }

  static TestTx from(int i) {
    return new TestTx(key(i));
  }

  /** The nonce, its 64 bits read as unsigned (-1 is 2^64 - 1). */
  TestTx nonce(long nonce) {
    this.nonce = nonce;
    return this;
  }

  /** Tip and fee cap in gwei. */
  TestTx fees(long tipGwei, long maxFeeGwei) {
    return feesWei(
        GWEI.multiply(BigInteger.valueOf(tipGwei)), GWEI.multiply(BigInteger.valueOf(maxFeeGwei)));
  }

  TestTx feesWei(BigInteger tip, BigInteger maxFee) {
    this.tip = tip;
    this.maxFee = maxFee;
    return this;
  }

  TestTx gas(long gas) {
    this.gas = gas;
    return this;
  }

  TestTx value(BigInteger value) {
    this.value = value;
    return this;
  }

  TestTx chainId(long chainId) {
    this.chainId = chainId;
    return this;
  }

  TestTx creation() {
    this.to = Optional.empty();
    return this;
  }

  Eip1559Transaction sign() {
    Eip1559Transaction unsigned =
        Eip1559Transaction.unsigned(
            BigInteger.valueOf(chainId),
            UInt64.fromBits(nonce),
            tip,
            maxFee,
            UInt64.valueOf(gas),
            to,
            value,
            Bytes.EMPTY,
            List.of());
    return TransactionSigner.sign(unsigned, key, ECDSA);
  }

  /** An EIP-155 legacy transaction with the fee cap as gas price. */
  LegacyTransaction signLegacy() {
    LegacyTransaction unsigned =
        LegacyTransaction.unsigned(
            UInt64.fromBits(nonce), maxFee, UInt64.valueOf(gas), to, value, Bytes.EMPTY);
    return TransactionSigner.sign(unsigned, chainId, key, ECDSA);
  }
}
