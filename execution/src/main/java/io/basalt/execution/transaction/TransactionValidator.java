package io.basalt.execution.transaction;

import io.basalt.common.types.UInt64;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a decoded transaction may enter the mempool or a block, returning the first
 * {@link TxRejection} in the order geth checks (shape and signature first, then account state).
 *
 * <p>Pure: it takes the facts it needs (this shard's chain id, the block's base fee and gas limit,
 * the sender's nonce and balance) and touches no state. The signature is checked for well-formed
 * values here, cheaply; recovering the sender (and so {@link TxRejection#INVALID_SENDER}) is {@link
 * SenderRecovery}'s job, done before the account is looked up.
 */
public final class TransactionValidator {

  /** geth's txMaxSize: four 32 KiB slots. */
  public static final int MAX_TX_SIZE = 128 * 1024;

  /** How nonces above the account nonce are treated. */
  public enum NonceMode {
    /** Block inclusion: the nonce must equal the account nonce. */
    EXACT,
    /** Mempool: a nonce above the account nonce is fine; the pool queues it until the gap fills. */
    ALLOW_FUTURE
  }

  /**
   * The block or pool context.
   *
   * @param chainId this shard's chain id, {@code CHAIN_ID_BASE + shard}
   * @param baseFee the base fee per gas of the block the transaction would go into
   * @param blockGasLimit that block's gas limit
   */
  public record Context(long chainId, BigInteger baseFee, UInt64 blockGasLimit) {
    public Context {
      Objects.requireNonNull(baseFee, "baseFee");
      Objects.requireNonNull(blockGasLimit, "blockGasLimit");
    }
  }

  /** The sender's account on this shard (nonce 0 and balance 0 when it does not exist). */
  public record Account(UInt64 nonce, BigInteger balance) {
    public Account {
      Objects.requireNonNull(nonce, "nonce");
      Objects.requireNonNull(balance, "balance");
    }
  }

  private TransactionValidator() {}

  /** All checks: {@link #validateStateless} then {@link #validateAgainstAccount}. */
  public static Optional<TxRejection> validate(
      Transaction tx, Context context, Account sender, NonceMode mode) {
    return validateStateless(tx, context.chainId(), context.blockGasLimit())
        .or(() -> validateAgainstAccount(tx, context.baseFee(), sender, mode));
  }

  /** The checks that need no account: size, type of call, fees, signature values, chain id, gas. */
  public static Optional<TxRejection> validateStateless(
      Transaction tx, long chainId, UInt64 blockGasLimit) {
    if (tx.size() > MAX_TX_SIZE) {
      return Optional.of(TxRejection.OVERSIZED_DATA);
    }
    if (tx.isContractCreation()) {
      return Optional.of(TxRejection.CONTRACT_CREATION_NOT_SUPPORTED);
    }
    if (tx.gasLimit().isGreaterThan(blockGasLimit)) {
      return Optional.of(TxRejection.GAS_LIMIT_EXCEEDS_BLOCK);
    }
    if (tx.maxPriorityFeePerGas().compareTo(tx.maxFeePerGas()) > 0) {
      return Optional.of(TxRejection.TIP_ABOVE_FEE_CAP);
    }
    Optional<TxRejection> signature = checkSignatureValues(tx);
    if (signature.isPresent()) {
      return signature;
    }
    if (tx instanceof LegacyTransaction legacy && legacy.isPreEip155()) {
      return Optional.of(TxRejection.UNPROTECTED);
    }
    if (!tx.chainId().orElseThrow().equals(BigInteger.valueOf(chainId))) {
      return Optional.of(TxRejection.INVALID_CHAIN_ID);
    }
    Optional<UInt64> intrinsic = IntrinsicGas.of(tx);
    if (intrinsic.isEmpty()) {
      return Optional.of(TxRejection.GAS_UINT64_OVERFLOW);
    }
    if (tx.gasLimit().isLessThan(intrinsic.get())) {
      return Optional.of(TxRejection.INTRINSIC_GAS_TOO_LOW);
    }
    return Optional.empty();
  }

  /** The checks against the block's base fee and the sender's nonce and balance. */
  public static Optional<TxRejection> validateAgainstAccount(
      Transaction tx, BigInteger baseFee, Account sender, NonceMode mode) {
    if (tx.maxFeePerGas().compareTo(baseFee) < 0) {
      return Optional.of(TxRejection.FEE_CAP_TOO_LOW);
    }
    int nonceOrder = tx.nonce().compareTo(sender.nonce());
    if (nonceOrder < 0) {
      return Optional.of(TxRejection.NONCE_TOO_LOW);
    }
    if (nonceOrder > 0 && mode == NonceMode.EXACT) {
      return Optional.of(TxRejection.NONCE_TOO_HIGH);
    }
    if (tx.nonce().equals(UInt64.MAX_VALUE)) {
      return Optional.of(TxRejection.NONCE_MAX);
    }
    if (sender.balance().compareTo(FeeMarket.upfrontCost(tx)) < 0) {
      return Optional.of(TxRejection.INSUFFICIENT_FUNDS);
    }
    return Optional.empty();
  }

  /** The cheap part of signature checking, without recovering the key. */
  private static Optional<TxRejection> checkSignatureValues(Transaction tx) {
    if (SenderRecovery.recoveryId(tx).isEmpty() || !SenderRecovery.hasValidScalars(tx)) {
      return Optional.of(TxRejection.INVALID_SIGNATURE);
    }
    return Optional.empty();
  }
}
