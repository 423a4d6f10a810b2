package io.basalt.execution.transaction;

import static io.basalt.execution.transaction.Web3jTx.CHAIN_ID;
import static io.basalt.execution.transaction.Web3jTx.ETHER;
import static io.basalt.execution.transaction.Web3jTx.GWEI;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.types.UInt64;
import io.basalt.execution.transaction.TransactionValidator.Account;
import io.basalt.execution.transaction.TransactionValidator.Context;
import io.basalt.execution.transaction.TransactionValidator.NonceMode;
import java.math.BigInteger;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

/** Every rejection reason, each produced by a transaction web3j signed. */
class TransactionValidatorTest {

  private static final Context CONTEXT = new Context(CHAIN_ID, GWEI, UInt64.valueOf(30_000_000));
  private static final Account SENDER =
      new Account(UInt64.valueOf(5), ETHER.multiply(BigInteger.TEN));

  private static Optional<TxRejection> validate(Transaction tx) {
    return validate(tx, NonceMode.EXACT);
  }

  private static Optional<TxRejection> validate(Transaction tx, NonceMode mode) {
    return TransactionValidator.validate(tx, CONTEXT, SENDER, mode);
  }

  @Test
  void shouldAcceptPlainTransfersOfBothTypes() {
    assertThat(validate(Web3jTx.transfer().legacy())).isEmpty();
    assertThat(validate(Web3jTx.transfer().eip1559())).isEmpty();
  }

  @Test
  void shouldUseGethMessages() {
    assertThat(TxRejection.NONCE_TOO_LOW.message()).isEqualTo("nonce too low");
    assertThat(TxRejection.INSUFFICIENT_FUNDS.message())
        .isEqualTo("insufficient funds for gas * price + value");
    assertThat(TxRejection.FEE_CAP_TOO_LOW.message())
        .isEqualTo("max fee per gas less than block base fee");
    assertThat(TxRejection.TX_TYPE_NOT_SUPPORTED.message())
        .isEqualTo("transaction type not supported");
  }

  @Test
  void shouldRejectOversizedData() {
    String data = Bytes.wrap(new byte[TransactionValidator.MAX_TX_SIZE]).toHexString();
    Transaction tx = Web3jTx.transfer().gasLimit(3_000_000).data(data).eip1559();

    assertThat(tx.size()).isGreaterThan(TransactionValidator.MAX_TX_SIZE);
    assertThat(validate(tx)).contains(TxRejection.OVERSIZED_DATA);
  }

  @Test
  void shouldRejectContractCreation() {
    Web3jTx creation = Web3jTx.transfer().to("").gasLimit(100_000).data("0x6000");

    assertThat(creation.legacy().isContractCreation()).isTrue();
    assertThat(validate(creation.legacy())).contains(TxRejection.CONTRACT_CREATION_NOT_SUPPORTED);
    assertThat(validate(creation.eip1559())).contains(TxRejection.CONTRACT_CREATION_NOT_SUPPORTED);
  }

  @Test
  void shouldRejectGasLimitAboveTheBlockGasLimit() {
    Transaction tx = Web3jTx.transfer().gasLimit(30_000_001).eip1559();

    assertThat(validate(tx)).contains(TxRejection.GAS_LIMIT_EXCEEDS_BLOCK);
  }

  @Test
  void shouldRejectPriorityFeeAboveMaxFee() {
    Transaction tx =
        Web3jTx.transfer().fees(GWEI.multiply(BigInteger.valueOf(3)), GWEI.add(GWEI)).eip1559();

    assertThat(validate(tx)).contains(TxRejection.TIP_ABOVE_FEE_CAP);
  }

  @Test
  void shouldRejectPreEip155Transactions() {
    LegacyTransaction tx =
        (LegacyTransaction) Web3jTx.decode(Web3jTx.transfer().signLegacyPreEip155());

    assertThat(tx.isPreEip155()).isTrue();
    assertThat(tx.chainId()).isEmpty();
    // Still a valid signature: the sender recovers, only the missing replay protection is refused.
    assertThat(Web3jCompatibilityTest.sender(tx).toChecksumString()).isEqualTo(Web3jTx.ADDRESS_0);
    assertThat(validate(tx)).contains(TxRejection.UNPROTECTED);
  }

  @Test
  void shouldRejectAnotherShardsOrChainsChainId() {
    assertThat(validate(Web3jTx.transfer().chainId(CHAIN_ID + 1).legacy()))
        .contains(TxRejection.INVALID_CHAIN_ID);
    assertThat(validate(Web3jTx.transfer().chainId(1).eip1559()))
        .contains(TxRejection.INVALID_CHAIN_ID);
  }

  @Test
  void shouldRejectHighS() {
    Eip1559Transaction typed = Web3jTx.transfer().eip1559();
    LegacyTransaction legacy = Web3jTx.transfer().legacy();

    assertThat(validate(SignatureTampering.highS(typed))).contains(TxRejection.INVALID_SIGNATURE);
    assertThat(validate(SignatureTampering.highS(legacy))).contains(TxRejection.INVALID_SIGNATURE);
  }

  @Test
  void shouldRejectOutOfRangeRecoveryIds() {
    Eip1559Transaction typed = Web3jTx.transfer().eip1559();
    LegacyTransaction legacy = Web3jTx.transfer().legacy();

    assertThat(validate(typed.withSignature(BigInteger.TWO, typed.r(), typed.s())))
        .contains(TxRejection.INVALID_SIGNATURE);
    assertThat(validate(legacy.withSignature(BigInteger.valueOf(30), legacy.r(), legacy.s())))
        .contains(TxRejection.INVALID_SIGNATURE);
  }

  @Test
  void shouldRejectZeroSignatureValues() {
    Eip1559Transaction typed = Web3jTx.transfer().eip1559();

    assertThat(validate(typed.withSignature(typed.yParity(), BigInteger.ZERO, typed.s())))
        .contains(TxRejection.INVALID_SIGNATURE);
    assertThat(validate(typed.withSignature(typed.yParity(), typed.r(), BigInteger.ZERO)))
        .contains(TxRejection.INVALID_SIGNATURE);
  }

  @Test
  void shouldRejectGasLimitBelowIntrinsicGas() {
    assertThat(validate(Web3jTx.transfer().gasLimit(20_999).eip1559()))
        .contains(TxRejection.INTRINSIC_GAS_TOO_LOW);
    // 21,000 + 16 + 4: one non-zero and one zero byte.
    assertThat(validate(Web3jTx.transfer().gasLimit(21_019).data("0x0100").legacy()))
        .contains(TxRejection.INTRINSIC_GAS_TOO_LOW);
    assertThat(validate(Web3jTx.transfer().gasLimit(21_020).data("0x0100").legacy())).isEmpty();
  }

  @Test
  void shouldRejectMaxFeeBelowBaseFee() {
    Context expensive =
        new Context(CHAIN_ID, GWEI.multiply(BigInteger.valueOf(3)), UInt64.MAX_VALUE);

    assertThat(
            TransactionValidator.validate(
                Web3jTx.transfer().eip1559(), expensive, SENDER, NonceMode.EXACT))
        .contains(TxRejection.FEE_CAP_TOO_LOW);
    assertThat(
            TransactionValidator.validate(
                Web3jTx.transfer().legacy(), expensive, SENDER, NonceMode.ALLOW_FUTURE))
        .contains(TxRejection.FEE_CAP_TOO_LOW);
  }

  @Test
  void shouldRejectNonceBelowTheAccountNonceInBothModes() {
    Transaction tx = Web3jTx.transfer().nonce(4).eip1559();

    assertThat(validate(tx, NonceMode.EXACT)).contains(TxRejection.NONCE_TOO_LOW);
    assertThat(validate(tx, NonceMode.ALLOW_FUTURE)).contains(TxRejection.NONCE_TOO_LOW);
  }

  @Test
  void shouldRejectFutureNonceInBlocksButNotInThePool() {
    Transaction tx = Web3jTx.transfer().nonce(6).legacy();

    assertThat(validate(tx, NonceMode.EXACT)).contains(TxRejection.NONCE_TOO_HIGH);
    assertThat(validate(tx, NonceMode.ALLOW_FUTURE)).isEmpty();
  }

  @Test
  void shouldRejectTheLastNonce() {
    UInt64 max = UInt64.MAX_VALUE;
    Transaction tx = Web3jTx.transfer().nonce(max.toBigInteger()).eip1559();
    Account exhausted = new Account(max, ETHER.multiply(BigInteger.TEN));

    assertThat(TransactionValidator.validate(tx, CONTEXT, exhausted, NonceMode.EXACT))
        .contains(TxRejection.NONCE_MAX);
  }

  @Test
  void shouldRejectWhenBalanceIsBelowGasTimesFeeCapPlusValue() {
    Eip1559Transaction tx = Web3jTx.transfer().eip1559();
    BigInteger cost = BigInteger.valueOf(21_000).multiply(GWEI.add(GWEI)).add(ETHER);
    assertThat(FeeMarket.upfrontCost(tx)).isEqualTo(cost);

    Account justEnough = new Account(UInt64.valueOf(5), cost);
    Account oneWeiShort = new Account(UInt64.valueOf(5), cost.subtract(BigInteger.ONE));

    assertThat(TransactionValidator.validate(tx, CONTEXT, justEnough, NonceMode.EXACT)).isEmpty();
    assertThat(TransactionValidator.validate(tx, CONTEXT, oneWeiShort, NonceMode.EXACT))
        .contains(TxRejection.INSUFFICIENT_FUNDS);
  }

  @Test
  void shouldChargeLegacyTransactionsTheirGasPrice() {
    LegacyTransaction tx =
        Web3jTx.transfer().gasPrice(GWEI.multiply(BigInteger.valueOf(7))).legacy();
    BigInteger cost =
        BigInteger.valueOf(21_000).multiply(GWEI.multiply(BigInteger.valueOf(7))).add(ETHER);

    Account oneWeiShort = new Account(UInt64.valueOf(5), cost.subtract(BigInteger.ONE));

    assertThat(FeeMarket.upfrontCost(tx)).isEqualTo(cost);
    assertThat(TransactionValidator.validate(tx, CONTEXT, oneWeiShort, NonceMode.EXACT))
        .contains(TxRejection.INSUFFICIENT_FUNDS);
  }
}
