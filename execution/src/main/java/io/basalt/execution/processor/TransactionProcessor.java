package io.basalt.execution.processor;

import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import io.basalt.execution.contracts.CallContext;
import io.basalt.execution.contracts.ContractResult;
import io.basalt.execution.contracts.Payment;
import io.basalt.execution.contracts.StorageOverlay;
import io.basalt.execution.contracts.SystemContract;
import io.basalt.execution.contracts.SystemContracts;
import io.basalt.execution.state.Account;
import io.basalt.execution.state.InsufficientBalanceException;
import io.basalt.execution.state.Wei;
import io.basalt.execution.state.WorldState;
import io.basalt.execution.transaction.FeeMarket;
import io.basalt.execution.transaction.IntrinsicGas;
import io.basalt.execution.transaction.Transaction;
import io.basalt.execution.transaction.TransactionValidator;
import io.basalt.execution.transaction.TransactionValidator.NonceMode;
import io.basalt.execution.transaction.TxRejection;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/**
 * Applies one transaction to a shard's {@link WorldState}, in Ethereum's order:
 *
 * <ol>
 *   <li>validate ({@link TransactionValidator}, exact nonce, this block's base fee and gas limit)
 *       and check the gas left in the block; a rejection changes nothing;
 *   <li>charge {@code gasLimit × effectiveGasPrice} and increment the nonce;
 *   <li>run it: a plain transfer to a non-contract address (data only costs calldata gas), or a
 *       system-contract call costing the intrinsic gas plus the function's fixed {@code SystemGas};
 *       if the gas limit does not cover that the transaction fails "out of gas" and uses its whole
 *       gas limit; a reverted call moves no value and writes no storage but uses the same gas as
 *       success; a successful call's value is debited, the part its outgoing messages carry leaves
 *       the shard and the rest is credited to the contract's account, which then makes the call's
 *       payments; its storage writes are applied;
 *   <li>refund unused gas at the effective price, burn {@code baseFee × gasUsed} and pay {@code
 *       (effectiveGasPrice − baseFee) × gasUsed} to the block's fee recipient.
 * </ol>
 *
 * Hence, per transaction: the sum of balance changes (the contracts' accounts included) is {@code
 * −burned − value of outgoing messages}. Stateless and thread-safe; the state is for one thread.
 */
public final class TransactionProcessor {

  private final SystemContracts contracts;

  public TransactionProcessor(SystemContracts contracts) {
    this.contracts = Objects.requireNonNull(contracts, "contracts");
  }

  /**
   * Applies {@code recovered} if it is valid and its gas limit fits in {@code gasLeft} (the gas
   * still free in the block).
   */
  public ApplyResult apply(
      WorldState state, BlockEnv env, RecoveredTransaction recovered, UInt64 gasLeft) {
    Transaction tx = recovered.tx();
    Address sender = recovered.sender();
    Account account = state.getOrEmpty(sender);
    Optional<TxRejection> rejection =
        TransactionValidator.validate(
            tx,
            new TransactionValidator.Context(env.chainId(), env.baseFee(), env.gasLimit()),
            new TransactionValidator.Account(account.nonce(), account.balance().value()),
            NonceMode.EXACT);
    if (rejection.isEmpty() && tx.gasLimit().isGreaterThan(gasLeft)) {
      rejection = Optional.of(TxRejection.BLOCK_GAS_LIMIT_REACHED);
    }
    if (rejection.isPresent()) {
      return new ApplyResult.Rejected(rejection.get());
    }
    // Validation guarantees what follows cannot fail: fee cap >= base fee, the balance covers
    // gasLimit * maxFee + value, the nonce is below 2^64 - 1 and the intrinsic gas fits.
    BigInteger price = FeeMarket.effectiveGasPrice(tx, env.baseFee()).orElseThrow();
    BigInteger gasLimit = tx.gasLimit().toBigInteger();
    debit(state, sender, gasLimit.multiply(price));
    state.incrementNonce(sender);

    UInt64 intrinsic = IntrinsicGas.of(tx).orElseThrow();
    Address to = tx.to().orElseThrow();
    Optional<SystemContract> contract = contracts.at(to);
    Execution execution =
        contract.isPresent()
            ? callContract(state, env, recovered, contract.get(), intrinsic)
            : transfer(state, sender, to, tx.value(), intrinsic);

    BigInteger gasUsed = execution.gasUsed().toBigInteger();
    state.addBalance(sender, new Wei(gasLimit.subtract(gasUsed).multiply(price)));
    Wei burned = new Wei(env.baseFee().multiply(gasUsed));
    Wei tip = new Wei(price.subtract(env.baseFee()).multiply(gasUsed));
    state.addBalance(env.feeRecipient(), tip);
    ContractResult result = execution.result();
    return new TransactionOutcome(
        tx.type(),
        result.success(),
        execution.gasUsed(),
        result.logs(),
        result.outgoing(),
        burned,
        tip,
        result.success() ? Optional.empty() : Optional.of(result.revertReason()),
        result.returnData());
  }

  private record Execution(UInt64 gasUsed, ContractResult result) {}

  private static Execution transfer(
      WorldState state, Address sender, Address to, BigInteger value, UInt64 intrinsic) {
    debit(state, sender, value);
    state.addBalance(to, new Wei(value));
    return new Execution(intrinsic, ContractResult.returned(Bytes.EMPTY));
  }

  private static Execution callContract(
      WorldState state,
      BlockEnv env,
      RecoveredTransaction recovered,
      SystemContract contract,
      UInt64 intrinsic) {
    Transaction tx = recovered.tx();
    UInt64 required = intrinsic.plus(contract.executionGas(tx.data()));
    if (tx.gasLimit().isLessThan(required)) {
      return new Execution(tx.gasLimit(), ContractResult.reverted(TransactionOutcome.OUT_OF_GAS));
    }
    StorageOverlay storage = new StorageOverlay(state, contract.address());
    CallContext context =
        new CallContext(
            recovered.sender(),
            tx.value(),
            tx.hash(),
            env.shard(),
            env.shardCount(),
            env.messaging(),
            storage,
            env.settlement());
    ContractResult result = contract.execute(context, tx.data());
    if (!result.success()) {
      return new Execution(required, result);
    }
    Wei kept = new Wei(tx.value()).minus(totalValue(result.outgoing()));
    Wei paid = totalPayments(result.payments());
    Wei available = state.getOrEmpty(contract.address()).balance().plus(kept);
    if (available.compareTo(paid) < 0) {
      // A contract's own accounting must prevent this; refuse rather than mint value.
      return new Execution(
          required,
          ContractResult.reverted(
              "contract balance " + available + " cannot cover payments of " + paid));
    }
    debit(state, recovered.sender(), tx.value());
    state.addBalance(contract.address(), kept);
    for (Payment payment : result.payments()) {
      debit(state, contract.address(), payment.amount().value());
      state.addBalance(payment.to(), payment.amount());
    }
    storage.applyTo(state);
    return new Execution(required, result);
  }

  private static Wei totalPayments(List<Payment> payments) {
    Wei total = Wei.ZERO;
    for (Payment p : payments) {
      total = total.plus(p.amount());
    }
    return total;
  }

  private static void debit(WorldState state, Address sender, BigInteger amount) {
    try {
      state.subtractBalance(sender, new Wei(amount));
    } catch (InsufficientBalanceException e) {
      throw new IllegalStateException("validated transaction cannot pay " + amount, e);
    }
  }

  /** The outgoing messages' total value. */
  static Wei totalValue(List<OutgoingMessage> messages) {
    Wei total = Wei.ZERO;
    for (OutgoingMessage m : messages) {
      total = total.plus(m.value());
    }
    return total;
  }
}
