package io.basalt.execution.settlement;

import io.basalt.execution.abi.AbiEvent;
import io.basalt.execution.abi.AbiFunction;
import io.basalt.execution.abi.AbiType;
import io.basalt.execution.abi.AbiTypes;
import java.util.List;

/**
 * The Settlement contract's Solidity interface (docs/settlement.md has it as Solidity source):
 *
 * <pre>
 * struct RollupConfig { uint64 thresholdWeight; uint64 challengePeriod; bytes[] challengerPubkeys;
 *   uint64[] challengerWeights; uint64 challengerThreshold; bytes[] challengerPopSignatures; }
 * struct BatchHeader { bytes32 parentBatchHash; uint64 l2StartBlock; uint64 l2EndBlock;
 *   bytes32 stateRoot; bytes32 withdrawalsRoot; bytes32 dataHash; }
 * struct Withdrawal { uint64 nonce; address recipient; uint256 amount; }
 * struct WithdrawalProof { uint64 leafCount; bytes32[] siblings; }
 *
 * function registerRollup(RollupConfig config, bytes[] operatorPubkeys, uint64[] weights,
 *     bytes[] popSignatures) payable returns (uint64 rollupId);
 * function updateOperators(uint64 rollupId, uint64 nonce, bytes[] pubkeys, uint64[] weights,
 *     bytes[] popSignatures, uint64 thresholdWeight, bytes signerBitmap,
 *     bytes aggregateSignature);
 * function commitBatch(uint64 rollupId, uint64 batchIndex, bytes32 parentBatchHash,
 *     uint64 l2StartBlock, uint64 l2EndBlock, bytes32 stateRoot, bytes32 withdrawalsRoot,
 *     bytes32 dataHash, bytes signerBitmap, bytes aggregateSignature);
 * function challengeBatch(uint64 rollupId, uint64 batchIndex, uint8 kind, bytes evidence) payable;
 * function deposit(uint64 rollupId, address l2Recipient, bytes data) payable returns (uint64 nonce);
 * function finalizeWithdrawal(uint64 rollupId, uint64 batchIndex, Withdrawal withdrawal,
 *     uint64 leafIndex, WithdrawalProof proof);
 * function getRollup(uint64 rollupId) view returns (uint64 challengePeriod,
 *     uint64 thresholdWeight, uint64 operatorCount, uint64 operatorNonce,
 *     uint64 challengerThreshold, uint64 batchCount, uint64 depositCount, bool frozen,
 *     bool hasBatch, uint64 lastBatchIndex);
 * function getBatch(uint64 rollupId, uint64 batchIndex) view returns (bytes32 batchHash,
 *     bytes32 parentBatchHash, uint64 l2StartBlock, uint64 l2EndBlock, bytes32 stateRoot,
 *     bytes32 withdrawalsRoot, bytes32 dataHash, uint64 commitSlot, uint64 challengeDeadline,
 *     uint8 status, uint8 inclusion);
 * function latestSettled(uint64 rollupId) view returns (bool found, uint64 batchIndex,
 *     bytes32 batchHash);
 * function isSpent(uint64 rollupId, uint64 withdrawalNonce) view returns (bool);
 * function escrowOf(uint64 rollupId) view returns (uint256 deposits, uint256 bond);
 * function depositAccAt(uint64 rollupId, uint64 nonce) view returns (bytes32);
 *
 * event RollupRegistered(uint64 indexed rollupId, address indexed registrant,
 *     uint64 operatorCount, uint64 thresholdWeight, uint64 challengePeriod, uint256 bond);
 * event OperatorsUpdated(uint64 indexed rollupId, uint64 nonce, uint64 operatorCount,
 *     uint64 thresholdWeight);
 * event BatchCommitted(uint64 indexed rollupId, uint64 indexed batchIndex,
 *     bytes32 indexed batchHash, bytes32 parentBatchHash, uint64 l2StartBlock,
 *     uint64 l2EndBlock, bytes32 stateRoot, bytes32 withdrawalsRoot, bytes32 dataHash,
 *     uint64 challengeDeadline);
 * event BatchChallenged(uint64 indexed rollupId, uint64 indexed batchIndex,
 *     address indexed challenger, uint8 kind);
 * event BatchReverted(uint64 indexed rollupId, uint64 indexed batchIndex,
 *     bytes32 indexed batchHash);
 * event RollupFrozen(uint64 indexed rollupId, address indexed challenger, uint256 slashed);
 * event DepositQueued(uint64 indexed rollupId, uint64 indexed nonce, address indexed from,
 *     address l2Recipient, uint256 amount, bytes data, bytes32 accumulator);
 * event WithdrawalFinalized(uint64 indexed rollupId, uint64 indexed withdrawalNonce,
 *     address indexed recipient, uint64 batchIndex, uint256 amount);
 * </pre>
 *
 * Challenge kinds: 0 EQUIVOCATION, evidence {@code abi.encode(BatchHeader a, bytes bitmapA, bytes
 * signatureA, BatchHeader b, bytes bitmapB, bytes signatureB)}; 1 VETO, evidence {@code
 * abi.encode(bytes challengerBitmap, bytes aggregateSignature)}.
 */
public final class SettlementAbi {

  public static final String CONFIG = "(uint64,uint64,bytes[],uint64[],uint64,bytes[])";
  public static final String WITHDRAWAL_PROOF = "(uint64,bytes32[])";

  public static final AbiFunction REGISTER_ROLLUP =
      AbiFunction.parse("registerRollup(" + CONFIG + ",bytes[],uint64[],bytes[])", "uint64");
  public static final AbiFunction UPDATE_OPERATORS =
      AbiFunction.parse(
          "updateOperators(uint64,uint64,bytes[],uint64[],bytes[],uint64,bytes,bytes)");
  public static final AbiFunction COMMIT_BATCH =
      AbiFunction.parse(
          "commitBatch(uint64,uint64,bytes32,uint64,uint64,bytes32,bytes32,bytes32,bytes,bytes)");
  public static final AbiFunction CHALLENGE_BATCH =
      AbiFunction.parse("challengeBatch(uint64,uint64,uint8,bytes)");
  public static final AbiFunction DEPOSIT =
      AbiFunction.parse("deposit(uint64,address,bytes)", "uint64");
  public static final AbiFunction FINALIZE_WITHDRAWAL =
      AbiFunction.parse(
          "finalizeWithdrawal(uint64,uint64,(uint64,address,uint256),uint64,"
              + WITHDRAWAL_PROOF
              + ")");
  public static final AbiFunction GET_ROLLUP =
      AbiFunction.parse(
          "getRollup(uint64)", "uint64,uint64,uint64,uint64,uint64,uint64,uint64,bool,bool,uint64");
  public static final AbiFunction GET_BATCH =
      AbiFunction.parse(
          "getBatch(uint64,uint64)",
          "bytes32,bytes32,uint64,uint64,bytes32,bytes32,bytes32,uint64,uint64,uint8,uint8");
  public static final AbiFunction LATEST_SETTLED =
      AbiFunction.parse("latestSettled(uint64)", "bool,uint64,bytes32");
  public static final AbiFunction IS_SPENT = AbiFunction.parse("isSpent(uint64,uint64)", "bool");
  public static final AbiFunction ESCROW_OF =
      AbiFunction.parse("escrowOf(uint64)", "uint256,uint256");
  public static final AbiFunction DEPOSIT_ACC_AT =
      AbiFunction.parse("depositAccAt(uint64,uint64)", "bytes32");

  public static final AbiEvent ROLLUP_REGISTERED =
      AbiEvent.parse(
          "RollupRegistered(uint64 indexed,address indexed,uint64,uint64,uint64,uint256)");
  public static final AbiEvent OPERATORS_UPDATED =
      AbiEvent.parse("OperatorsUpdated(uint64 indexed,uint64,uint64,uint64)");
  public static final AbiEvent BATCH_COMMITTED =
      AbiEvent.parse(
          "BatchCommitted(uint64 indexed,uint64 indexed,bytes32 indexed,bytes32,uint64,uint64,"
              + "bytes32,bytes32,bytes32,uint64)");
  public static final AbiEvent BATCH_CHALLENGED =
      AbiEvent.parse("BatchChallenged(uint64 indexed,uint64 indexed,address indexed,uint8)");
  public static final AbiEvent BATCH_REVERTED =
      AbiEvent.parse("BatchReverted(uint64 indexed,uint64 indexed,bytes32 indexed)");
  public static final AbiEvent ROLLUP_FROZEN =
      AbiEvent.parse("RollupFrozen(uint64 indexed,address indexed,uint256)");
  public static final AbiEvent DEPOSIT_QUEUED =
      AbiEvent.parse(
          "DepositQueued(uint64 indexed,uint64 indexed,address indexed,address,uint256,bytes,bytes32)");
  public static final AbiEvent WITHDRAWAL_FINALIZED =
      AbiEvent.parse(
          "WithdrawalFinalized(uint64 indexed,uint64 indexed,address indexed,uint64,uint256)");

  /** Challenge kind 0. */
  public static final int EQUIVOCATION = 0;

  /** Challenge kind 1. */
  public static final int VETO = 1;

  /** The evidence of an equivocation challenge. */
  public static final List<AbiType> EQUIVOCATION_EVIDENCE =
      List.of(
          BatchHeader.TUPLE,
          AbiTypes.BYTES,
          AbiTypes.BYTES,
          BatchHeader.TUPLE,
          AbiTypes.BYTES,
          AbiTypes.BYTES);

  /** The evidence of a veto. */
  public static final List<AbiType> VETO_EVIDENCE = List.of(AbiTypes.BYTES, AbiTypes.BYTES);

  /** The deposit accumulator's preimage types. */
  public static final List<AbiType> DEPOSIT_ACC =
      AbiTypes.parseList("bytes32,uint64,address,address,uint256,bytes32");

  private SettlementAbi() {}
}
