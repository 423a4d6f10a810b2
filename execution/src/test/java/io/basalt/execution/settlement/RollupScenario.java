package io.basalt.execution.settlement;

import static io.basalt.execution.settlement.SettlementHarness.CHAIN_ID;
import static io.basalt.execution.settlement.SettlementHarness.ETHER;
import static io.basalt.execution.settlement.SettlementHarness.SHARD;

import io.basalt.execution.processor.TransactionOutcome;
import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A registered rollup on a {@link SettlementHarness}: operators with weights 1, 2, 3, 4 and
 * threshold 6; challengers with weights 1, 1, 1 and threshold 2; a 16-slot challenge period and a
 * 2-ether bond, registered by user 0.
 */
final class RollupScenario {

  static final long PERIOD = 16;
  static final BigInteger BOND = ETHER.multiply(BigInteger.TWO);

  final SettlementHarness h = new SettlementHarness();
  final Committee operators = new Committee(0, List.of(1L, 2L, 3L, 4L), 6);
  final Committee challengers = new Committee(10, List.of(1L, 1L, 1L), 2);
  final long rollupId;
  long nextL2Block = 1;

  RollupScenario() {
    TransactionOutcome outcome =
        h.ok(0, SettlementAbi.REGISTER_ROLLUP, registerArgs(operators, challengers, PERIOD), BOND);
    rollupId =
        ((BigInteger) decode(SettlementAbi.REGISTER_ROLLUP, outcome.returnData())).longValue();
  }

  static List<Object> registerArgs(Committee ops, Committee challengers, long period) {
    List<Object> config =
        List.of(
            BigInteger.valueOf(ops.threshold),
            BigInteger.valueOf(period),
            challengers == null ? List.of() : challengers.pubkeys(),
            challengers == null ? List.of() : challengers.abiWeights(),
            BigInteger.valueOf(challengers == null ? 0 : challengers.threshold),
            challengers == null ? List.of() : challengers.pops());
    return List.of(config, ops.pubkeys(), ops.abiWeights(), ops.pops());
  }

  static Object decode(io.basalt.execution.abi.AbiFunction f, Bytes data) {
    try {
      return f.decodeReturn(data).get(0);
    } catch (io.basalt.execution.abi.AbiDecodingException e) {
      throw new AssertionError(e);
    }
  }

  /** A header following {@code parent} with {@code blocks} L2 blocks and these withdrawals. */
  BatchHeader header(Bytes32 parent, int blocks, List<Withdrawal> withdrawals, int salt) {
    BatchHeader header =
        new BatchHeader(
            parent,
            nextL2Block,
            nextL2Block + blocks - 1,
            Bytes32.repeat((byte) (0x50 + salt)),
            WithdrawalTree.root(withdrawals.stream().map(Withdrawal::leaf).toList()),
            Bytes32.repeat((byte) (0x70 + salt)));
    return header;
  }

  /** The commitBatch arguments for {@code header} at {@code index}, signed by {@code signers}. */
  List<Object> commitArgs(long index, BatchHeader header, int... signers) {
    Bytes32 digest =
        SettlementDigests.commitDigest(
            CHAIN_ID, SHARD, rollupId, header.batchHash(rollupId, index));
    Committee.Signed signed = operators.sign(digest, signers);
    return commitArgs(index, header, signed);
  }

  List<Object> commitArgs(long index, BatchHeader header, Committee.Signed signed) {
    return List.of(
        BigInteger.valueOf(rollupId),
        BigInteger.valueOf(index),
        header.parentBatchHash(),
        BigInteger.valueOf(header.l2StartBlock()),
        BigInteger.valueOf(header.l2EndBlock()),
        header.stateRoot(),
        header.withdrawalsRoot(),
        header.dataHash(),
        signed.bitmap(),
        signed.signature());
  }

  /** Commits {@code header} at {@code index} with signers 2 and 3 (weight 7); returns its hash. */
  Bytes32 commit(long index, BatchHeader header) {
    h.ok(1, SettlementAbi.COMMIT_BATCH, commitArgs(index, header, 2, 3), BigInteger.ZERO);
    nextL2Block = header.l2EndBlock() + 1;
    return header.batchHash(rollupId, index);
  }

  /** The status of batch {@code index} from getBatch. */
  BatchStatus status(long index) {
    List<Object> batch =
        h.view(
            SettlementAbi.GET_BATCH,
            List.of(BigInteger.valueOf(rollupId), BigInteger.valueOf(index)));
    return BatchStatus.values()[((BigInteger) batch.get(9)).intValue()];
  }

  InclusionStatus inclusion(long index) {
    List<Object> batch =
        h.view(
            SettlementAbi.GET_BATCH,
            List.of(BigInteger.valueOf(rollupId), BigInteger.valueOf(index)));
    return InclusionStatus.values()[((BigInteger) batch.get(10)).intValue()];
  }

  /** finalizeWithdrawal arguments for leaf {@code index} of {@code withdrawals}. */
  List<Object> withdrawArgs(long batchIndex, List<Withdrawal> withdrawals, int index) {
    List<Bytes32> leaves = withdrawals.stream().map(Withdrawal::leaf).toList();
    return withdrawArgs(
        batchIndex,
        withdrawals.get(index),
        index,
        withdrawals.size(),
        WithdrawalTree.proof(leaves, index));
  }

  List<Object> withdrawArgs(
      long batchIndex, Withdrawal w, long leafIndex, long leafCount, List<Bytes32> siblings) {
    return List.of(
        BigInteger.valueOf(rollupId),
        BigInteger.valueOf(batchIndex),
        w.toAbi(),
        BigInteger.valueOf(leafIndex),
        List.of(BigInteger.valueOf(leafCount), siblings));
  }

  BigInteger escrow() {
    return (BigInteger)
        h.view(SettlementAbi.ESCROW_OF, List.of(BigInteger.valueOf(rollupId))).get(0);
  }

  BigInteger bond() {
    return (BigInteger)
        h.view(SettlementAbi.ESCROW_OF, List.of(BigInteger.valueOf(rollupId))).get(1);
  }
}
