package io.basalt.beacon.chain.production;

import io.basalt.beacon.chain.BlockTransitionException;
import io.basalt.beacon.chain.ChainStateTransition;
import io.basalt.beacon.chain.pool.AttestationPool;
import io.basalt.beacon.chain.pool.OperationPool;
import io.basalt.beacon.datastructures.blocks.BeaconBlock;
import io.basalt.beacon.datastructures.blocks.BeaconBlockBody;
import io.basalt.beacon.datastructures.operations.AttesterSlashing;
import io.basalt.beacon.datastructures.operations.Deposit;
import io.basalt.beacon.datastructures.operations.ProposerSlashing;
import io.basalt.beacon.datastructures.operations.SignedVoluntaryExit;
import io.basalt.beacon.datastructures.shard.SignedShardBlockHeader;
import io.basalt.beacon.datastructures.shard.StakingReceiptProof;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.PendingDeposit;
import io.basalt.beacon.transition.BlockProcessingException;
import io.basalt.beacon.transition.block.StakingReceiptProcessor;
import io.basalt.common.crypto.bls.BlsSignatureVerifier;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Builds unsigned beacon blocks (after Teku's {@code BlockFactory}): the body from the pools, the
 * pending deposits at the head of the state's queue (FIFO, up to {@code MAX_DEPOSITS}), the shard
 * headers the caller supplies and those of the caller's staking receipt proofs the state accepts,
 * then {@code state_root} from running the block through the state transition with signature checks
 * off (the proposer signs afterwards).
 *
 * <p>Thread-safe if the pools and the transition are (they are).
 */
public final class BlockFactory {

  private final BeaconSchemas schemas;
  private final SpecConfig config;
  private final ChainStateTransition transition;
  private final AttestationPool attestations;
  private final OperationPool<?, ProposerSlashing> proposerSlashings;
  private final OperationPool<?, AttesterSlashing> attesterSlashings;
  private final OperationPool<?, SignedVoluntaryExit> voluntaryExits;
  private final StakingReceiptProcessor stakingReceipts;

  public BlockFactory(
      BeaconSchemas schemas,
      ChainStateTransition transition,
      AttestationPool attestations,
      OperationPool<?, ProposerSlashing> proposerSlashings,
      OperationPool<?, AttesterSlashing> attesterSlashings,
      OperationPool<?, SignedVoluntaryExit> voluntaryExits) {
    this.schemas = Objects.requireNonNull(schemas, "schemas");
    this.config = schemas.config();
    this.transition = Objects.requireNonNull(transition, "transition");
    this.attestations = Objects.requireNonNull(attestations, "attestations");
    this.proposerSlashings = Objects.requireNonNull(proposerSlashings, "proposerSlashings");
    this.attesterSlashings = Objects.requireNonNull(attesterSlashings, "attesterSlashings");
    this.voluntaryExits = Objects.requireNonNull(voluntaryExits, "voluntaryExits");
    this.stakingReceipts = new StakingReceiptProcessor(schemas);
  }

  /**
   * A block without staking receipts; see {@link #createBlock(BeaconState, Slot, ValidatorIndex,
   * Bytes, Bytes32, List, List)}.
   */
  public BeaconBlock createBlock(
      BeaconState preState,
      Slot slot,
      ValidatorIndex proposerIndex,
      Bytes randaoReveal,
      Bytes32 graffiti,
      List<SignedShardBlockHeader> shardHeaders)
      throws BlockProductionException {
    return createBlock(
        preState, slot, proposerIndex, randaoReveal, graffiti, shardHeaders, List.of());
  }

  /**
   * An unsigned block for {@code slot} on top of {@code preState}.
   *
   * @param preState the post-state of the parent block, or that state already advanced to {@code
   *     slot}; it is advanced here when behind
   * @param shardHeaders signed shard headers to propose for crosslinking, at most {@code
   *     SHARD_COUNT * MAX_SHARD_HEADERS_PER_SHARD}
   * @param stakingReceipts proofs of staking receipts against the shards' outboxes, as the caller
   *     can build them; the block keeps, in the given order and up to {@code MAX_DEPOSITS}, those
   *     the state accepts (known shard, next index of its shard, branch valid under the shard's
   *     crosslink as this block leaves it), so a stale, duplicate or premature proof is left out
   *     rather than making the block invalid
   * @throws BlockProductionException when the slot is not after the parent's, too many shard
   *     headers are given, or the transition rejects the block (an invalid pooled operation)
   */
  public BeaconBlock createBlock(
      BeaconState preState,
      Slot slot,
      ValidatorIndex proposerIndex,
      Bytes randaoReveal,
      Bytes32 graffiti,
      List<SignedShardBlockHeader> shardHeaders,
      List<StakingReceiptProof> stakingReceipts)
      throws BlockProductionException {
    if (!slot.isAfter(preState.latestBlockHeader().slot())) {
      throw new BlockProductionException(
          "Slot "
              + slot
              + " is not after the parent block's slot "
              + preState.latestBlockHeader().slot());
    }
    if (preState.slot().isAfter(slot)) {
      throw new BlockProductionException(
          "State at slot " + preState.slot() + " is after the block slot " + slot);
    }
    int maxShardHeaders = config.shardCount() * BeaconSchemas.MAX_SHARD_HEADERS_PER_SHARD;
    if (shardHeaders.size() > maxShardHeaders) {
      throw new BlockProductionException(
          shardHeaders.size() + " shard headers given, at most " + maxShardHeaders + " fit");
    }
    try {
      BeaconState state = transition.advanceTo(preState, slot);
      // After process_slots the latest header carries its state root, so its root is the parent's.
      Bytes32 parentRoot = state.latestBlockHeader().hashTreeRoot();
      BeaconBlockBody body =
          new BeaconBlockBody(
              randaoReveal,
              graffiti,
              proposerSlashings.getForBlock(state, config.maxProposerSlashings()),
              attesterSlashings.getForBlock(state, config.maxAttesterSlashings()),
              attestations.getAttestationsForBlock(state, config.maxAttestations()),
              pendingDeposits(state),
              voluntaryExits.getForBlock(state, config.maxVoluntaryExits()),
              shardHeaders,
              List.of());
      BeaconBlock block = new BeaconBlock(slot, proposerIndex, parentRoot, Bytes32.ZERO, body);
      BeaconState post = transition.processBlock(state, block, BlsSignatureVerifier.noOp());
      // Receipts are processed after attestations and deposits and before exits, none of which
      // they affect, so the post-state without them has the crosslinks and cursors they meet.
      List<StakingReceiptProof> accepted = acceptedReceipts(post, stakingReceipts);
      if (!accepted.isEmpty()) {
        block =
            new BeaconBlock(
                slot, proposerIndex, parentRoot, Bytes32.ZERO, withStakingReceipts(body, accepted));
        post = transition.processBlock(state, block, BlsSignatureVerifier.noOp());
      }
      return block.withStateRoot(post.hashTreeRoot());
    } catch (BlockTransitionException e) {
      throw new BlockProductionException(
          "Produced block for slot " + slot + " is invalid: " + e.getMessage(), e);
    }
  }

  /** The offered proofs {@code state} accepts one after the other, up to {@code MAX_DEPOSITS}. */
  private List<StakingReceiptProof> acceptedReceipts(
      BeaconState state, List<StakingReceiptProof> offered) {
    List<StakingReceiptProof> accepted = new ArrayList<>();
    BeaconState working = state;
    for (StakingReceiptProof proof : offered) {
      if (accepted.size() == config.maxDeposits()) {
        break;
      }
      try {
        working = stakingReceipts.processStakingReceipt(working, proof);
        accepted.add(proof);
      } catch (BlockProcessingException e) {
        // Stale (already queued), ahead of a missing receipt, or not yet crosslinked: leave out.
      }
    }
    return accepted;
  }

  private static BeaconBlockBody withStakingReceipts(
      BeaconBlockBody body, List<StakingReceiptProof> receipts) {
    return new BeaconBlockBody(
        body.randaoReveal(),
        body.graffiti(),
        body.proposerSlashings(),
        body.attesterSlashings(),
        body.attestations(),
        body.deposits(),
        body.voluntaryExits(),
        body.shardHeaders(),
        receipts);
  }

  private List<Deposit> pendingDeposits(BeaconState state) {
    long count = Math.min(state.pendingDeposits().size(), config.maxDeposits());
    List<Deposit> deposits = new ArrayList<>((int) count);
    for (long i = 0; i < count; i++) {
      PendingDeposit pending = state.pendingDeposits().get(i);
      deposits.add(new Deposit(pending.toDepositData()));
    }
    return deposits;
  }

  /** The schemas blocks are built for. */
  public BeaconSchemas schemas() {
    return schemas;
  }
}
