package io.basalt.beacon.transition.block;

import static io.basalt.beacon.transition.BlockProcessingException.check;

import io.basalt.beacon.datastructures.shard.ShardOutbox;
import io.basalt.beacon.datastructures.shard.StakingReceipt;
import io.basalt.beacon.datastructures.shard.StakingReceiptProof;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.MutableBeaconState;
import io.basalt.beacon.transition.BlockProcessingException;
import io.basalt.beacon.transition.InvalidBlockReason;
import io.basalt.common.types.UInt64;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Moves staking receipts from the shards into the pending-deposit queue. A receipt counts once the
 * source shard's latest crosslink commits to it: its branch must prove it under that crosslink's
 * {@code receiptsRoot} (the root of the shard's {@link ShardOutbox}). Receipts of one shard are
 * queued in index order and exactly once: {@code stakingReceiptCursors[source]} holds the index of
 * the next one, and a receipt must carry exactly that index.
 *
 * <p>The queue entry is the receipt's {@link StakingReceipt#toPendingDeposit()}; its proof of
 * possession is checked when the deposit is applied, as for every queued deposit. Public so block
 * production can keep only the proofs a state accepts. Thread-safe.
 */
public final class StakingReceiptProcessor {

  private final BeaconSchemas schemas;

  public StakingReceiptProcessor(BeaconSchemas schemas) {
    this.schemas = Objects.requireNonNull(schemas, "schemas");
  }

  /** Queues the receipt {@code proof} proves and moves its shard's cursor on. */
  // spec: process_staking_receipt
  public void processStakingReceipt(MutableBeaconState state, StakingReceiptProof proof)
      throws BlockProcessingException {
    validate(state.snapshot(), proof);
    apply(state, proof.receipt());
  }

  /**
   * {@code state} with the receipt {@code proof} proves queued, for callers outside block
   * processing (block production checks each offered proof against the state it has so far).
   */
  public BeaconState processStakingReceipt(BeaconState state, StakingReceiptProof proof)
      throws BlockProcessingException {
    validate(state, proof);
    return state.updated(m -> apply(m, proof.receipt()));
  }

  /**
   * Throws when {@code state} does not accept {@code proof} as its next staking receipt; checks in
   * order shard range, index, then the branch.
   */
  public void validate(BeaconState state, StakingReceiptProof proof)
      throws BlockProcessingException {
    StakingReceipt receipt = proof.receipt();
    int source = receipt.source().id();
    check(
        source < schemas.config().shardCount(),
        InvalidBlockReason.STAKING_RECEIPT_SHARD_OUT_OF_RANGE,
        "Staking receipt from shard "
            + source
            + "; there are "
            + schemas.config().shardCount()
            + " shards");
    UInt64 expected = state.stakingReceiptCursors().get(source);
    check(
        receipt.index().equals(expected),
        InvalidBlockReason.STAKING_RECEIPT_OUT_OF_ORDER,
        "Staking receipt "
            + receipt.index()
            + " of shard "
            + source
            + "; the next expected is "
            + expected);
    Bytes32 receiptsRoot = state.latestCrosslinks().get(source).receiptsRoot();
    check(
        schemas.shardOutbox().verify(receipt, proof.branch(), receiptsRoot),
        InvalidBlockReason.STAKING_RECEIPT_PROOF_INVALID,
        "Staking receipt "
            + receipt.index()
            + " of shard "
            + source
            + " is not proven under the crosslinked receipts root "
            + receiptsRoot);
  }

  /** Appends the receipt to the pending-deposit queue and advances its shard's cursor. */
  private static void apply(MutableBeaconState state, StakingReceipt receipt) {
    int source = receipt.source().id();
    state
        .setPendingDeposits(state.pendingDeposits().append(receipt.toPendingDeposit()))
        .setStakingReceiptCursor(source, receipt.index().increment());
  }
}
