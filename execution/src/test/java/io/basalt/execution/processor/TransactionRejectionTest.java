package io.basalt.execution.processor;

import static io.basalt.execution.processor.ProcessorFixture.BLOCK_GAS_LIMIT;
import static io.basalt.execution.processor.ProcessorFixture.CONTRACTS;
import static io.basalt.execution.processor.ProcessorFixture.START_NONCE;
import static io.basalt.execution.processor.ProcessorFixture.env;
import static io.basalt.execution.processor.SignedTx.ECDSA;
import static io.basalt.execution.processor.SignedTx.ETHER;
import static io.basalt.execution.processor.SignedTx.GWEI;
import static io.basalt.execution.processor.SignedTx.KEY_0;
import static io.basalt.execution.processor.SignedTx.KEY_1;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.crypto.secp256k1.EthereumV;
import io.basalt.common.crypto.secp256k1.SecpCurve;
import io.basalt.common.crypto.secp256k1.SecpSignature;
import io.basalt.common.types.UInt64;
import io.basalt.execution.state.Account;
import io.basalt.execution.state.Wei;
import io.basalt.execution.state.WorldState;
import io.basalt.execution.transaction.Eip1559Transaction;
import io.basalt.execution.transaction.LegacyTransaction;
import io.basalt.execution.transaction.Transaction;
import io.basalt.execution.transaction.TransactionValidator;
import io.basalt.execution.transaction.TxRejection;
import java.math.BigInteger;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/**
 * Every rejection the processor can meet, each from a really signed transaction, and none changes
 * the state.
 */
class TransactionRejectionTest {

  private final TransactionProcessor processor = new TransactionProcessor(CONTRACTS);
  private final WorldState state = ProcessorFixture.state();
  private final Set<TxRejection> seen = EnumSet.noneOf(TxRejection.class);

  private static SignedTx tx() {
    return SignedTx.transfer().nonce(START_NONCE);
  }

  private void assertRejected(Transaction tx, TxRejection expected) {
    assertRejected(tx, expected, BLOCK_GAS_LIMIT);
  }

  private void assertRejected(Transaction tx, TxRejection expected, UInt64 gasLeft) {
    Bytes32 root = state.rootHash();

    ApplyResult result = processor.apply(state, env(), SignedTx.recover(tx), gasLeft);

    assertThat(result).isEqualTo(new ApplyResult.Rejected(expected));
    assertThat(state.rootHash()).isEqualTo(root);
    seen.add(expected);
  }

  @Test
  void shouldRejectEveryInvalidTransactionWithoutChangingState() {
    assertRejected(
        tx().gasLimit(3_000_000)
            .data(Bytes.wrap(new byte[TransactionValidator.MAX_TX_SIZE]))
            .eip1559(),
        TxRejection.OVERSIZED_DATA);
    assertRejected(
        tx().to(null).gasLimit(100_000).data(Bytes.fromHexString("0x6000")).eip1559(),
        TxRejection.CONTRACT_CREATION_NOT_SUPPORTED);
    assertRejected(tx().gasLimit(30_000_001).eip1559(), TxRejection.GAS_LIMIT_EXCEEDS_BLOCK);
    assertRejected(
        tx().fees(GWEI.multiply(BigInteger.valueOf(11)), GWEI.multiply(BigInteger.TEN)).eip1559(),
        TxRejection.TIP_ABOVE_FEE_CAP);
    assertRejected(highS(tx().eip1559()), TxRejection.INVALID_SIGNATURE);
    assertRejected(preEip155(tx().legacy()), TxRejection.UNPROTECTED);
    assertRejected(tx().chainId(SignedTx.CHAIN_ID + 1).eip1559(), TxRejection.INVALID_CHAIN_ID);
    assertRejected(tx().chainId(SignedTx.CHAIN_ID + 1).legacy(), TxRejection.INVALID_CHAIN_ID);
    assertRejected(tx().gasLimit(20_999).eip1559(), TxRejection.INTRINSIC_GAS_TOO_LOW);
    assertRejected(
        tx().fees(GWEI, GWEI.multiply(BigInteger.valueOf(6))).eip1559(),
        TxRejection.FEE_CAP_TOO_LOW);
    assertRejected(tx().nonce(START_NONCE - 1).eip1559(), TxRejection.NONCE_TOO_LOW);
    assertRejected(tx().nonce(START_NONCE + 1).eip1559(), TxRejection.NONCE_TOO_HIGH);
    assertRejected(
        tx().value(ETHER.multiply(BigInteger.valueOf(100))).eip1559(),
        TxRejection.INSUFFICIENT_FUNDS);
    assertRejected(tx().eip1559(), TxRejection.BLOCK_GAS_LIMIT_REACHED, UInt64.valueOf(20_999));

    state.put(SignedTx.ADDRESS_1, Account.of(UInt64.MAX_VALUE, new Wei(ETHER)));
    assertRejected(
        tx().key(KEY_1).nonce(UInt64.MAX_VALUE).value(BigInteger.ONE).eip1559(),
        TxRejection.NONCE_MAX);

    // Decoding (unsupported types), sender recovery (no key) and 2^64 gas of calldata happen
    // before the processor or cannot be signed; they are tested with the transaction package.
    assertThat(EnumSet.complementOf(EnumSet.copyOf(seen)))
        .containsExactlyInAnyOrder(
            TxRejection.TX_TYPE_NOT_SUPPORTED,
            TxRejection.INVALID_SENDER,
            TxRejection.GAS_UINT64_OVERFLOW);
  }

  @Test
  void shouldAcceptTheSameTransactionWhenItFits() {
    ApplyResult result = processor.apply(state, env(), tx().recovered(), UInt64.valueOf(21_000));

    assertThat(result).isInstanceOf(TransactionOutcome.class);
  }

  private static Eip1559Transaction highS(Eip1559Transaction tx) {
    return tx.withSignature(tx.yParity().xor(BigInteger.ONE), tx.r(), SecpCurve.N.subtract(tx.s()));
  }

  private static LegacyTransaction preEip155(LegacyTransaction tx) {
    SecpSignature signature = ECDSA.sign(tx.signingHash(Optional.empty()), KEY_0);
    return tx.withSignature(EthereumV.legacy(signature.recoveryId()), signature.r(), signature.s());
  }
}
