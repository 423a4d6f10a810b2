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
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.PendingDeposit;
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
 * pending deposits at the head of the state's queue (FIFO, up to {@code MAX_DEPOSITS}) and the
 * shard headers the caller supplies, then {@code state_root} from running the block through the
 * state transition with signature checks off (the proposer signs afterwards).
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
  }

  /**
   * An unsigned block for {@code slot} on top of {@code preState}.
   *
   * @param preState the post-state of the parent block, or that state already advanced to {@code
   *     slot}; it is advanced here when behind
   * @param shardHeaders signed shard headers to propose for crosslinking, at most {@code
   *     SHARD_COUNT * MAX_SHARD_HEADERS_PER_SHARD}
   * @throws BlockProductionException when the slot is not after the parent's, too many shard
   *     headers are given, or the transition rejects the block (an invalid pooled operation)
   */
  public BeaconBlock createBlock(
      BeaconState preState,
      Slot slot,
      ValidatorIndex proposerIndex,
      Bytes randaoReveal,
      Bytes32 graffiti,
      List<SignedShardBlockHeader> shardHeaders)
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
              shardHeaders);
      BeaconBlock block = new BeaconBlock(slot, proposerIndex, parentRoot, Bytes32.ZERO, body);
      BeaconState post = transition.processBlock(state, block, BlsSignatureVerifier.noOp());
      return block.withStateRoot(post.hashTreeRoot());
    } catch (BlockTransitionException e) {
      throw new BlockProductionException(
          "Produced block for slot " + slot + " is invalid: " + e.getMessage(), e);
    }
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
