package io.basalt.execution.contracts;

import static io.basalt.execution.settlement.SettlementAbi.COMMIT_BATCH;
import static io.basalt.execution.settlement.SettlementAbi.DEPOSIT;
import static io.basalt.execution.settlement.SettlementAbi.FINALIZE_WITHDRAWAL;
import static io.basalt.execution.settlement.SettlementAbi.REGISTER_ROLLUP;
import static io.basalt.execution.settlement.SettlementAbi.UPDATE_OPERATORS;

import io.basalt.common.types.Address;
import io.basalt.execution.abi.AbiDecodingException;
import io.basalt.execution.abi.AbiFunction;
import io.basalt.execution.settlement.BatchHeader;
import io.basalt.execution.settlement.BatchRecord;
import io.basalt.execution.settlement.Quorum;
import io.basalt.execution.settlement.RollupRecord;
import io.basalt.execution.settlement.SettlementAbi;
import io.basalt.execution.settlement.SettlementDigests;
import io.basalt.execution.settlement.SettlementParams;
import io.basalt.execution.settlement.SettlementStore;
import io.basalt.execution.settlement.SettlementStore.Committee;
import io.basalt.execution.settlement.Uint;
import io.basalt.execution.settlement.WeightedKeys;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The Settlement system contract at {@link SystemContracts#SETTLEMENT}: Layer-2 rollups register
 * BLS operator sets, commit quorum-signed batches, are challenged, and move value in (deposits,
 * held in escrow in this contract's account) and out (withdrawals proven against a SETTLED batch).
 * The Solidity interface is in {@link SettlementAbi}; storage layout, digests, the status machine,
 * gas and errors in docs/settlement.md.
 *
 * <p>All records live in this contract's account storage ({@link SettlementStore}), so {@code
 * eth_getStorageAt} and {@code eth_getProof} reach them. A batch's status is derived when read from
 * its commit slot, its reverted flag and the {@link SettlementView} of the executing block; nothing
 * runs in the background. Stateless and thread-safe.
 */
public final class Settlement implements SystemContract {

  /** Longest challenge period, in slots, so deadlines cannot overflow. */
  public static final long MAX_CHALLENGE_PERIOD = 1L << 32;

  private final SettlementParams params;
  private final SettlementChallenges challenges = new SettlementChallenges();
  private final SettlementFunds funds = new SettlementFunds();
  private final Dispatcher dispatcher;

  public Settlement(SettlementParams params) {
    this.params = Objects.requireNonNull(params, "params");
    SettlementQueries queries = new SettlementQueries();
    this.dispatcher =
        new Dispatcher()
            .add(
                REGISTER_ROLLUP,
                true,
                gasFor(REGISTER_ROLLUP, 0, this::registerKeys),
                this::register)
            .add(
                UPDATE_OPERATORS,
                false,
                gasFor(UPDATE_OPERATORS, 1, a -> ((List<?>) a.get(2)).size()),
                this::updateOperators)
            .add(
                COMMIT_BATCH,
                false,
                SystemGas.SETTLEMENT_WRITE + SystemGas.SETTLEMENT_QUORUM_CHECK,
                this::commit)
            .add(
                SettlementAbi.CHALLENGE_BATCH,
                true,
                SystemGas.SETTLEMENT_WRITE + 2 * SystemGas.SETTLEMENT_QUORUM_CHECK,
                challenges::challenge)
            .add(DEPOSIT, true, SystemGas.SETTLEMENT_DEPOSIT, funds::deposit)
            .add(FINALIZE_WITHDRAWAL, false, SystemGas.SETTLEMENT_WITHDRAWAL, funds::finalize)
            .add(SettlementAbi.GET_ROLLUP, false, SystemGas.VIEW, queries::getRollup)
            .add(SettlementAbi.GET_BATCH, false, SystemGas.VIEW, queries::getBatch)
            .add(SettlementAbi.LATEST_SETTLED, false, SystemGas.VIEW, queries::latestSettled)
            .add(SettlementAbi.IS_SPENT, false, SystemGas.VIEW, queries::isSpent)
            .add(SettlementAbi.ESCROW_OF, false, SystemGas.VIEW, queries::escrowOf)
            .add(SettlementAbi.DEPOSIT_ACC_AT, false, SystemGas.VIEW, queries::depositAccAt);
  }

  public SettlementParams params() {
    return params;
  }

  @Override
  public Address address() {
    return SystemContracts.SETTLEMENT;
  }

  @Override
  public long executionGas(Bytes calldata) {
    return dispatcher.gas(calldata);
  }

  @Override
  public ContractResult execute(CallContext context, Bytes calldata) {
    return dispatcher.dispatch(context, calldata);
  }

  private ContractResult register(CallContext context, List<Object> a) throws RevertException {
    List<?> config = (List<?>) a.get(0);
    long threshold = u64(config.get(0));
    long challengePeriod = u64(config.get(1));
    WeightedKeys operators = keys(a.get(1), a.get(2), threshold);
    WeightedKeys challengers = keys(config.get(2), config.get(3), u64(config.get(4)));
    if (Long.compareUnsigned(challengePeriod, params.minChallengePeriod()) < 0
        || Long.compareUnsigned(challengePeriod, MAX_CHALLENGE_PERIOD) > 0) {
      throw new RevertException(
          "challenge period "
              + Long.toUnsignedString(challengePeriod)
              + " is outside "
              + params.minChallengePeriod()
              + ".."
              + MAX_CHALLENGE_PERIOD
              + " slots");
    }
    if (context.value().compareTo(params.minBond()) < 0) {
      throw new RevertException(
          "bond " + context.value() + " wei is below the minimum of " + params.minBond());
    }
    check(Quorum.validateNewSet("operator", operators, bytesList(a.get(3))));
    List<Bytes> challengerPops = bytesList(config.get(5));
    if (challengers.size() == 0) {
      if (challengers.thresholdWeight() != 0
          || !challengers.weights().isEmpty()
          || !challengerPops.isEmpty()) {
        throw new RevertException(
            "an empty challenger committee must have no weights, proofs or threshold");
      }
    } else {
      check(Quorum.validateNewSet("challenger", challengers, challengerPops));
    }
    SettlementStore store = new SettlementStore(context.storage());
    long rollupId = store.rollupCount();
    store.setRollupCount(rollupId + 1);
    store.putRollup(
        rollupId,
        new RollupRecord(
            challengePeriod,
            threshold,
            operators.size(),
            0,
            challengers.thresholdWeight(),
            challengers.size(),
            0,
            0,
            context.value(),
            BigInteger.ZERO,
            0,
            false));
    store.putCommittee(rollupId, Committee.OPERATORS, operators);
    store.putCommittee(rollupId, Committee.CHALLENGERS, challengers);
    return ContractResult.succeeded(
        REGISTER_ROLLUP.encodeReturn(List.of(Uint.of(rollupId))),
        List.of(
            SettlementAbi.ROLLUP_REGISTERED.toLog(
                address(),
                List.of(
                    Uint.of(rollupId),
                    context.from(),
                    BigInteger.valueOf(operators.size()),
                    Uint.of(threshold),
                    Uint.of(challengePeriod),
                    context.value()))),
        List.of());
  }

  private ContractResult updateOperators(CallContext context, List<Object> a)
      throws RevertException {
    long rollupId = u64(a.get(0));
    long nonce = u64(a.get(1));
    SettlementStore store = new SettlementStore(context.storage());
    RollupRecord rollup = live(store, rollupId);
    if (nonce != rollup.operatorNonce()) {
      throw new RevertException(
          "operator update nonce "
              + Long.toUnsignedString(nonce)
              + " is not the expected "
              + Long.toUnsignedString(rollup.operatorNonce()));
    }
    WeightedKeys next = keys(a.get(2), a.get(3), u64(a.get(5)));
    check(Quorum.validateNewSet("operator", next, bytesList(a.get(4))));
    Bytes32 digest =
        SettlementDigests.operatorsDigest(
            context.settlement().chainId(), context.shard(), rollupId, nonce, next);
    check(
        Quorum.verify(
            "operator",
            store.committee(rollupId, Committee.OPERATORS, rollup.operatorCount()),
            rollup.operatorThreshold(),
            (Bytes) a.get(6),
            (Bytes) a.get(7),
            digest));
    store.putRollup(rollupId, rollup.withOperators(next.size(), next.thresholdWeight(), nonce + 1));
    store.putCommittee(rollupId, Committee.OPERATORS, next);
    return ContractResult.succeeded(
        Bytes.EMPTY,
        List.of(
            SettlementAbi.OPERATORS_UPDATED.toLog(
                address(),
                List.of(
                    Uint.of(rollupId),
                    Uint.of(nonce),
                    BigInteger.valueOf(next.size()),
                    Uint.of(next.thresholdWeight())))),
        List.of());
  }

  private ContractResult commit(CallContext context, List<Object> a) throws RevertException {
    long rollupId = u64(a.get(0));
    long batchIndex = u64(a.get(1));
    BatchHeader header =
        new BatchHeader(
            bytes32(a.get(2)),
            u64(a.get(3)),
            u64(a.get(4)),
            bytes32(a.get(5)),
            bytes32(a.get(6)),
            bytes32(a.get(7)));
    SettlementStore store = new SettlementStore(context.storage());
    RollupRecord rollup = live(store, rollupId);
    if (batchIndex != rollup.batchCount()) {
      throw new RevertException(
          "batch index "
              + Long.toUnsignedString(batchIndex)
              + " is not the next index "
              + rollup.batchCount());
    }
    Optional<BatchRecord> parent =
        rollup.lastGoodPlus1() == 0
            ? Optional.empty()
            : Optional.of(store.batch(rollupId, rollup.lastGoodPlus1() - 1));
    Bytes32 expectedParent = parent.map(BatchRecord::batchHash).orElse(Bytes32.ZERO);
    if (!header.parentBatchHash().equals(expectedParent)) {
      throw new RevertException(
          "parentBatchHash "
              + header.parentBatchHash()
              + " is not the last non-reverted batch's hash "
              + expectedParent);
    }
    if (Long.compareUnsigned(header.l2StartBlock(), header.l2EndBlock()) > 0) {
      throw new RevertException("l2StartBlock is after l2EndBlock");
    }
    if (parent.isPresent() && header.l2StartBlock() != parent.get().header().l2EndBlock() + 1) {
      throw new RevertException(
          "l2StartBlock "
              + Long.toUnsignedString(header.l2StartBlock())
              + " does not follow the parent batch's l2EndBlock "
              + Long.toUnsignedString(parent.get().header().l2EndBlock()));
    }
    Bytes32 batchHash = header.batchHash(rollupId, batchIndex);
    check(
        Quorum.verify(
            "operator",
            store.committee(rollupId, Committee.OPERATORS, rollup.operatorCount()),
            rollup.operatorThreshold(),
            (Bytes) a.get(8),
            (Bytes) a.get(9),
            SettlementDigests.commitDigest(
                context.settlement().chainId(), context.shard(), rollupId, batchHash)));
    BatchRecord record = new BatchRecord(batchHash, header, context.settlement().slot(), false);
    store.putBatch(rollupId, batchIndex, record);
    store.putRollup(rollupId, rollup.withBatches(batchIndex + 1, batchIndex + 1));
    return ContractResult.succeeded(
        Bytes.EMPTY,
        List.of(
            SettlementAbi.BATCH_COMMITTED.toLog(
                address(),
                List.of(
                    Uint.of(rollupId),
                    Uint.of(batchIndex),
                    batchHash,
                    header.parentBatchHash(),
                    Uint.of(header.l2StartBlock()),
                    Uint.of(header.l2EndBlock()),
                    header.stateRoot(),
                    header.withdrawalsRoot(),
                    header.dataHash(),
                    record.challengeDeadline(rollup.challengePeriod()).value().toBigInteger()))),
        List.of());
  }

  // --- helpers shared by the function bodies ---

  /** The rollup, which must exist and not be frozen. */
  static RollupRecord live(SettlementStore store, long rollupId) throws RevertException {
    RollupRecord rollup = existing(store, rollupId);
    if (rollup.frozen()) {
      throw new RevertException("rollup " + Long.toUnsignedString(rollupId) + " is frozen");
    }
    return rollup;
  }

  static RollupRecord existing(SettlementStore store, long rollupId) throws RevertException {
    return store
        .rollup(rollupId)
        .orElseThrow(
            () ->
                new RevertException(
                    "rollup " + Long.toUnsignedString(rollupId) + " does not exist"));
  }

  static BatchRecord existingBatch(
      SettlementStore store, long rollupId, RollupRecord rollup, long batchIndex)
      throws RevertException {
    if (Long.compareUnsigned(batchIndex, rollup.batchCount()) >= 0) {
      throw new RevertException(
          "batch "
              + Long.toUnsignedString(batchIndex)
              + " of rollup "
              + Long.toUnsignedString(rollupId)
              + " does not exist");
    }
    return store.batch(rollupId, batchIndex);
  }

  static void check(Optional<String> reason) throws RevertException {
    if (reason.isPresent()) {
      throw new RevertException(reason.get());
    }
  }

  static long u64(Object decoded) {
    return Uint.toLong((BigInteger) decoded);
  }

  static Bytes32 bytes32(Object decoded) {
    return Bytes32.wrap((Bytes) decoded);
  }

  static List<Bytes> bytesList(Object decoded) {
    return ((List<?>) decoded).stream().map(Bytes.class::cast).toList();
  }

  private static WeightedKeys keys(Object pubkeys, Object weights, long threshold) {
    return new WeightedKeys(
        bytesList(pubkeys), ((List<?>) weights).stream().map(Settlement::u64).toList(), threshold);
  }

  private int registerKeys(List<Object> a) {
    return ((List<?>) a.get(1)).size() + ((List<?>) ((List<?>) a.get(0)).get(2)).size();
  }

  /**
   * Gas of a function with {@code quorumChecks} aggregate checks and one proof-of-possession check
   * per key {@code keyCount} finds in its arguments.
   */
  private static ToLongFunction<Bytes> gasFor(
      AbiFunction function, int quorumChecks, ToLongFunction<List<Object>> keyCount) {
    long base = SystemGas.SETTLEMENT_WRITE + quorumChecks * SystemGas.SETTLEMENT_QUORUM_CHECK;
    return calldata -> {
      try {
        List<Object> arguments =
            function.decodeArguments(calldata.slice(AbiFunction.SELECTOR_SIZE));
        return base + keyCount.applyAsLong(arguments) * SystemGas.SETTLEMENT_POP_CHECK;
      } catch (AbiDecodingException | RuntimeException e) {
        return base;
      }
    };
  }
}
