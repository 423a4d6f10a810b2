package io.basalt.shard.mempool;

import static io.basalt.shard.mempool.TestTx.ETHER;
import static io.basalt.shard.mempool.TestTx.GWEI;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.crypto.secp256k1.SecpCurve;
import io.basalt.common.crypto.secp256k1.SecpEcdsa;
import io.basalt.common.crypto.secp256k1.SecpSignature;
import io.basalt.common.types.UInt64;
import io.basalt.execution.transaction.Eip1559Transaction;
import io.basalt.execution.transaction.LegacyTransaction;
import io.basalt.execution.transaction.SenderRecovery;
import io.basalt.execution.transaction.SenderResult;
import io.basalt.execution.transaction.Transaction;
import io.basalt.execution.transaction.TxRejection;
import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every way {@link ShardMempool#add} refuses a transaction, each with a really signed one. */
class ShardMempoolAdmissionTest {

  private final StubPoolContext context =
      new StubPoolContext().fund(TestTx.address(0), 0, ETHER).fund(TestTx.address(1), 5, ETHER);
  private final ShardMempool pool = new ShardMempool(MempoolConfig.DEFAULT, context);

  private AddRejection rejection(Transaction tx) {
    AddResult result = pool.add(tx);
    assertThat(result).isInstanceOf(AddResult.Rejected.class);
    return ((AddResult.Rejected) result).reason();
  }

  private static AddRejection invalid(TxRejection reason) {
    return new AddRejection.Invalid(reason);
  }

  @Test
  void shouldAddAValidTransferAsPending() {
    Eip1559Transaction tx = TestTx.from(0).sign();

    AddResult result = pool.add(tx);

    assertThat(result.status()).isEqualTo(AddResult.Status.ADDED);
    PooledTransaction pooled = ((AddResult.Added) result).pooled();
    assertThat(pooled.sender()).isEqualTo(TestTx.address(0));
    assertThat(pool.get(tx.hash())).contains(pooled);
    assertThat(pool.contains(tx.hash())).isTrue();
    assertThat(pool.pendingCount()).isEqualTo(1);
    assertThat(pool.queuedCount()).isZero();
  }

  @Test
  void shouldAddLegacyEip155Transactions() {
    assertThat(pool.add(TestTx.from(0).signLegacy()).status()).isEqualTo(AddResult.Status.ADDED);
  }

  @Test
  void shouldRejectTheSameTransactionTwiceAsAlreadyKnown() {
    Eip1559Transaction tx = TestTx.from(0).sign();
    pool.add(tx);

    assertThat(rejection(tx)).isEqualTo(PoolRejection.ALREADY_KNOWN);
    assertThat(rejection(tx).message()).isEqualTo("already known");
    assertThat(pool.size()).isEqualTo(1);
  }

  @Test
  void shouldRejectAnotherShardsChainId() {
    assertThat(rejection(TestTx.from(0).chainId(TestTx.CHAIN_ID + 1).sign()))
        .isEqualTo(invalid(TxRejection.INVALID_CHAIN_ID));
  }

  @Test
  void shouldRejectContractCreation() {
    assertThat(rejection(TestTx.from(0).creation().gas(60_000).sign()))
        .isEqualTo(invalid(TxRejection.CONTRACT_CREATION_NOT_SUPPORTED));
  }

  @Test
  void shouldRejectGasAboveTheBlockGasLimit() {
    context.blockGasLimit(100_000);

    assertThat(rejection(TestTx.from(0).gas(100_001).sign()))
        .isEqualTo(invalid(TxRejection.GAS_LIMIT_EXCEEDS_BLOCK));
  }

  @Test
  void shouldRejectTipAboveFeeCap() {
    assertThat(rejection(TestTx.from(0).fees(5, 4).sign()))
        .isEqualTo(invalid(TxRejection.TIP_ABOVE_FEE_CAP));
  }

  @Test
  void shouldRejectGasBelowIntrinsicGas() {
    assertThat(rejection(TestTx.from(0).gas(20_999).sign()))
        .isEqualTo(invalid(TxRejection.INTRINSIC_GAS_TOO_LOW));
  }

  @Test
  void shouldRejectFeeCapBelowTheBaseFee() {
    context.baseFee(GWEI.multiply(BigInteger.valueOf(11)));

    assertThat(rejection(TestTx.from(0).fees(1, 10).sign()))
        .isEqualTo(invalid(TxRejection.FEE_CAP_TOO_LOW));
  }

  @Test
  void shouldRejectNonceBelowTheAccountNonce() {
    assertThat(rejection(TestTx.from(1).nonce(4).sign()))
        .isEqualTo(invalid(TxRejection.NONCE_TOO_LOW));
    assertThat(rejection(TestTx.from(1).nonce(4).sign()).message()).isEqualTo("nonce too low");
  }

  @Test
  void shouldRejectTheMaximumNonce() {
    Eip1559Transaction tx = TestTx.from(0).nonce(-1L).sign(); // 2^64 - 1

    assertThat(tx.nonce()).isEqualTo(UInt64.MAX_VALUE);
    assertThat(rejection(tx)).isEqualTo(invalid(TxRejection.NONCE_MAX));
  }

  @Test
  void shouldRejectATransferTheBalanceCannotCover() {
    assertThat(rejection(TestTx.from(2).sign())).isEqualTo(invalid(TxRejection.INSUFFICIENT_FUNDS));
    assertThat(rejection(TestTx.from(0).value(ETHER).sign()).message())
        .isEqualTo("insufficient funds for gas * price + value");
  }

  @Test
  void shouldRejectATransactionThatOverdrawsTogetherWithThePooledOnes() {
    BigInteger half = ETHER.divide(BigInteger.TWO);
    assertThat(pool.add(TestTx.from(0).value(half).sign()).status())
        .isEqualTo(AddResult.Status.ADDED);

    assertThat(rejection(TestTx.from(0).nonce(1).value(half).sign()))
        .isEqualTo(invalid(TxRejection.INSUFFICIENT_FUNDS));
    assertThat(pool.size()).isEqualTo(1);
  }

  @Test
  void shouldRejectHighSSignatures() {
    Eip1559Transaction tx = TestTx.from(0).sign();
    Eip1559Transaction highS =
        tx.withSignature(tx.yParity().xor(BigInteger.ONE), tx.r(), SecpCurve.N.subtract(tx.s()));

    assertThat(rejection(highS)).isEqualTo(invalid(TxRejection.INVALID_SIGNATURE));
    assertThat(rejection(highS).message()).isEqualTo("invalid transaction v, r, s values");
  }

  @Test
  void shouldRejectPreEip155LegacyTransactions() {
    LegacyTransaction eip155 = TestTx.from(0).signLegacy();
    SecpSignature signature =
        SecpEcdsa.getDefault().sign(eip155.signingHash(Optional.empty()), TestTx.key(0));
    LegacyTransaction unprotected =
        eip155.withSignature(
            BigInteger.valueOf(27L + signature.recoveryId()), signature.r(), signature.s());

    assertThat(rejection(unprotected)).isEqualTo(invalid(TxRejection.UNPROTECTED));
  }

  @Test
  void shouldRejectASignatureNoKeyRecoversFrom() {
    Eip1559Transaction tx = TestTx.from(0).sign();
    Eip1559Transaction noKey = null;
    // About half of all r values are not the x coordinate of a curve point.
    for (long r = 1; noKey == null; r++) {
      Eip1559Transaction candidate =
          tx.withSignature(BigInteger.ZERO, BigInteger.valueOf(r), tx.s());
      if (SenderRecovery.recover(candidate) instanceof SenderResult.Invalid) {
        noKey = candidate;
      }
    }

    assertThat(rejection(noKey)).isEqualTo(invalid(TxRejection.INVALID_SENDER));
  }

  @Test
  void shouldRejectANonceTooFarAhead() {
    assertThat(pool.add(TestTx.from(0).nonce(64).sign()).status())
        .isEqualTo(AddResult.Status.ADDED);

    assertThat(rejection(TestTx.from(0).nonce(65).sign()))
        .isEqualTo(PoolRejection.NONCE_GAP_TOO_LARGE);
    assertThat(PoolRejection.NONCE_GAP_TOO_LARGE.message()).isEqualTo("nonce too high");
    assertThat(pool.queuedCount()).isEqualTo(1);
  }

  @Test
  void shouldRejectBeyondThePerSenderCap() {
    ShardMempool small = new ShardMempool(new MempoolConfig(16, 3, 64, 10), context);
    for (int nonce = 0; nonce < 3; nonce++) {
      assertThat(small.add(TestTx.from(0).nonce(nonce).sign()).status())
          .isEqualTo(AddResult.Status.ADDED);
    }

    AddResult fourth = small.add(TestTx.from(0).nonce(3).sign());

    assertThat(fourth).isEqualTo(new AddResult.Rejected(PoolRejection.ACCOUNT_LIMIT_EXCEEDED));
    assertThat(((AddResult.Rejected) fourth).message()).isEqualTo("account limit exceeded");
    assertThat(small.add(TestTx.from(1).nonce(5).sign()).status())
        .isEqualTo(AddResult.Status.ADDED);
  }

  @Test
  void shouldRejectWhenFullAndNotPayingMoreThanTheCheapest() {
    ShardMempool full = new ShardMempool(new MempoolConfig(1, 1, 64, 10), context);
    full.add(TestTx.from(0).fees(2, 10).sign());

    assertThat(full.add(TestTx.from(1).nonce(5).fees(2, 10).sign()))
        .isEqualTo(new AddResult.Rejected(PoolRejection.TXPOOL_FULL));
    assertThat(PoolRejection.TXPOOL_FULL.message()).isEqualTo("txpool is full");
  }
}
