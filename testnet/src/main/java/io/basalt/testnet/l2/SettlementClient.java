package io.basalt.testnet.l2;

import io.basalt.common.crypto.secp256k1.SecpPrivateKey;
import io.basalt.common.types.Address;
import io.basalt.execution.abi.AbiDecodingException;
import io.basalt.execution.abi.AbiEvent;
import io.basalt.execution.abi.AbiFunction;
import io.basalt.execution.abi.AbiTypes;
import io.basalt.execution.settlement.SettlementAbi;
import io.basalt.execution.settlement.SettlementDigests;
import io.basalt.execution.settlement.Uint;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The toy rollup's Layer-1 side: registers it, follows its deposits, commits its batches with the
 * operators' quorum signature, watches their status, finalizes withdrawals with Merkle proofs and
 * challenges. Every write is a signed transaction to the Settlement contract through {@link
 * L1Client}; every read is one of the contract's views or its logs.
 *
 * <p>Batch statuses are the contract's own ({@code getBatch} through {@code eth_call}, which reads
 * the node's beacon checkpoints). An L2 that does not want to trust the node checks settlement with
 * {@link SettlementProofCheck}.
 */
public final class SettlementClient {

  private final L1Client l1;

  public SettlementClient(L1Client l1) {
    this.l1 = l1;
  }

  public L1Client l1() {
    return l1;
  }

  /**
   * Registers a rollup with {@code bond} wei and returns its id (from {@code RollupRegistered}).
   *
   * @throws L2Exception if the registration is refused
   */
  public long register(
      SecpPrivateKey registrant,
      BlsCommittee operators,
      BlsCommittee challengers,
      long challengePeriod,
      BigInteger bond)
      throws L2Exception {
    Bytes data = SettlementCalldata.registerRollup(operators, challengers, challengePeriod);
    L1Receipt receipt = require("registerRollup", registrant, data, bond);
    List<L1Log> logs = receipt.logs(SettlementAbi.ROLLUP_REGISTERED.topic0());
    if (logs.size() != 1) {
      throw new L2Exception("registerRollup emitted " + logs.size() + " RollupRegistered logs");
    }
    return logs.get(0).topics().get(1).getLong(24);
  }

  /** Deposits {@code amount} wei for {@code l2Recipient}; returns the receipt. */
  public L1Receipt deposit(
      SecpPrivateKey depositor, long rollupId, Address l2Recipient, BigInteger amount)
      throws L2Exception {
    return require(
        "deposit",
        depositor,
        SettlementCalldata.deposit(rollupId, l2Recipient, Bytes.EMPTY),
        amount);
  }

  /** The rollup's {@code DepositQueued} logs from {@code fromBlock} on, in nonce order. */
  public List<DepositEvent> deposits(long rollupId, long fromBlock) throws L2Exception {
    List<DepositEvent> events = new ArrayList<>();
    for (L1Log log :
        l1.logs(
            fromBlock,
            List.of(
                SettlementAbi.DEPOSIT_QUEUED.topic0(),
                AbiEvent.topic(AbiTypes.UINT64, Uint.of(rollupId))))) {
      events.add(DepositEvent.decode(log.topics(), log.data(), log.blockNumber()));
    }
    events.sort((a, b) -> Long.compareUnsigned(a.nonce(), b.nonce()));
    return events;
  }

  /**
   * Credits every L1 deposit the rollup has not credited yet; returns those credited.
   *
   * @throws L2Exception if the log skips a nonce
   */
  public List<DepositEvent> syncDeposits(ToyRollup rollup) throws L2Exception {
    List<DepositEvent> credited = new ArrayList<>();
    for (DepositEvent deposit : deposits(rollup.rollupId(), 0)) {
      if (rollup.credit(deposit)) {
        credited.add(deposit);
      }
    }
    return credited;
  }

  /** The digest the operators sign to commit {@code batch} on this shard. */
  public Bytes32 commitDigest(L2Batch batch) {
    return SettlementDigests.commitDigest(l1.chainId(), l1.shard(), batch.rollupId(), batch.hash());
  }

  /** Sends {@code commitBatch} of {@code batch} signed by a quorum of {@code operators}. */
  public L1Receipt commit(SecpPrivateKey sender, BlsCommittee operators, L2Batch batch)
      throws L2Exception {
    return send(sender, commitCalldata(operators, batch), BigInteger.ZERO);
  }

  /** The {@code commitBatch} calldata of {@code batch}, signed by a quorum of {@code operators}. */
  public Bytes commitCalldata(BlsCommittee operators, L2Batch batch) {
    BlsCommittee.QuorumSignature signed = operators.signQuorum(commitDigest(batch));
    return SettlementCalldata.commitBatch(batch.rollupId(), batch.index(), batch.header(), signed);
  }

  /** Sends a VETO of {@code batch} signed by a quorum of {@code challengers}. */
  public L1Receipt veto(SecpPrivateKey sender, BlsCommittee challengers, L2Batch batch)
      throws L2Exception {
    BlsCommittee.QuorumSignature signed =
        challengers.signQuorum(
            SettlementDigests.vetoDigest(
                l1.chainId(), l1.shard(), batch.rollupId(), batch.index(), batch.hash()));
    return send(
        sender, SettlementCalldata.veto(batch.rollupId(), batch.index(), signed), BigInteger.ZERO);
  }

  /** Sends an EQUIVOCATION challenge proving that {@code operators} signed both batches. */
  public L1Receipt challengeEquivocation(
      SecpPrivateKey challenger, BlsCommittee operators, L2Batch a, L2Batch b) throws L2Exception {
    if (a.rollupId() != b.rollupId() || a.index() != b.index()) {
      throw new L2Exception("equivocation needs two batches at one index of one rollup");
    }
    Bytes data =
        SettlementCalldata.equivocation(
            a.rollupId(),
            a.index(),
            a.header(),
            operators.signQuorum(commitDigest(a)),
            b.header(),
            operators.signQuorum(commitDigest(b)));
    return send(challenger, data, BigInteger.ZERO);
  }

  /** Sends {@code finalizeWithdrawal} of withdrawal {@code nonce} of {@code batch}. */
  public L1Receipt finalizeWithdrawal(SecpPrivateKey sender, L2Batch batch, long nonce)
      throws L2Exception {
    Bytes data =
        SettlementCalldata.finalizeWithdrawal(batch.rollupId(), batch.index(), batch.proof(nonce));
    return send(sender, data, BigInteger.ZERO);
  }

  /** Batch {@code index} of {@code rollupId}: the contract's record, status and inclusion. */
  public BatchInfo batch(long rollupId, long index) throws L2Exception {
    return BatchInfo.decode(
        l1.call(SettlementAbi.GET_BATCH.encodeCall(List.of(Uint.of(rollupId), Uint.of(index)))));
  }

  /** Whether withdrawal {@code nonce} of {@code rollupId} has been paid. */
  public boolean isSpent(long rollupId, long nonce) throws L2Exception {
    return (Boolean)
        view(SettlementAbi.IS_SPENT, List.of(Uint.of(rollupId), Uint.of(nonce))).get(0);
  }

  /** {@code escrowOf}: the deposits held and the bond. */
  public List<BigInteger> escrow(long rollupId) throws L2Exception {
    List<Object> v = view(SettlementAbi.ESCROW_OF, List.of(Uint.of(rollupId)));
    return List.of((BigInteger) v.get(0), (BigInteger) v.get(1));
  }

  /** Whether the rollup is frozen ({@code getRollup}). */
  public boolean isFrozen(long rollupId) throws L2Exception {
    return (Boolean) view(SettlementAbi.GET_ROLLUP, List.of(Uint.of(rollupId))).get(7);
  }

  /** The rollup's committed batch count ({@code getRollup}). */
  public long batchCount(long rollupId) throws L2Exception {
    return ((BigInteger) view(SettlementAbi.GET_ROLLUP, List.of(Uint.of(rollupId))).get(5))
        .longValue();
  }

  private List<Object> view(AbiFunction function, List<?> args) throws L2Exception {
    try {
      return function.decodeReturn(l1.call(function.encodeCall(args)));
    } catch (AbiDecodingException e) {
      throw new L2Exception("malformed " + function.name() + " answer: " + e.getMessage(), e);
    }
  }

  private L1Receipt send(SecpPrivateKey sender, Bytes data, BigInteger value) throws L2Exception {
    return l1.send(sender, data, value);
  }

  /** Sends and insists on success, naming the revert reason if {@code eth_call} gives one. */
  private L1Receipt require(String what, SecpPrivateKey sender, Bytes data, BigInteger value)
      throws L2Exception {
    L1Receipt receipt = send(sender, data, value);
    if (!receipt.success()) {
      Address from = l1.addressOf(sender);
      throw new L2Exception(
          what
              + " reverted in block "
              + receipt.blockNumber()
              + l1.revertReason(from, data, value).map(r -> ": " + r).orElse(""));
    }
    return receipt;
  }
}
