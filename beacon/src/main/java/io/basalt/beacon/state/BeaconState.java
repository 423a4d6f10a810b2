package io.basalt.beacon.state;

import io.basalt.beacon.datastructures.blocks.BeaconBlockHeader;
import io.basalt.beacon.datastructures.shard.Crosslink;
import io.basalt.beacon.datastructures.shard.PendingShardHeader;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.common.ssz.Bits;
import io.basalt.common.ssz.view.ListView;
import io.basalt.common.ssz.view.VectorView;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.consensus.types.Checkpoint;
import io.basalt.consensus.types.Fork;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The beacon state: immutable, with the large fields (registry, balances, participation, inactivity
 * scores, root and mix vectors, queues) held as tree-backed views. The only way to change it is
 * {@link #updated}, which returns a new state sharing every unchanged subtree, so {@link
 * #hashTreeRoot()} after a small change re-hashes only the changed paths. Thread-safe.
 *
 * <p>Field accessors are the spec's field names in camelCase. To read every validator or balance,
 * use {@code validators().toList()} / {@code balances().toList()}: one walk of the tree, not one
 * root-to-leaf descent per element.
 */
public final class BeaconState {

  private final BeaconSchemas schemas;
  private final UInt64 genesisTime;
  private final Bytes32 genesisValidatorsRoot;
  private final Slot slot;
  private final Fork fork;
  private final BeaconBlockHeader latestBlockHeader;
  private final VectorView<Bytes32> blockRoots;
  private final VectorView<Bytes32> stateRoots;
  private final ListView<Bytes32> historicalRoots;
  private final ListView<Validator> validators;
  private final ListView<Gwei> balances;
  private final VectorView<Bytes32> randaoMixes;
  private final VectorView<Gwei> slashings;
  private final ListView<Integer> previousEpochParticipation;
  private final ListView<Integer> currentEpochParticipation;
  private final Bits justificationBits;
  private final Checkpoint previousJustifiedCheckpoint;
  private final Checkpoint currentJustifiedCheckpoint;
  private final Checkpoint finalizedCheckpoint;
  private final ListView<UInt64> inactivityScores;
  private final VectorView<Crosslink> latestCrosslinks;
  private final ListView<PendingShardHeader> previousEpochPendingShardHeaders;
  private final ListView<PendingShardHeader> currentEpochPendingShardHeaders;
  private final ListView<PendingDeposit> pendingDeposits;
  private final ListView<PendingWithdrawal> pendingWithdrawals;
  private final UInt64 nextWithdrawalIndex;
  private final VectorView<UInt64> stakingReceiptCursors;
  private volatile Bytes32 root;

  BeaconState(BeaconSchemas schemas, MutableBeaconState m) {
    this.schemas = schemas;
    this.genesisTime = Objects.requireNonNull(m.genesisTime(), "genesisTime");
    this.genesisValidatorsRoot =
        Objects.requireNonNull(m.genesisValidatorsRoot(), "genesisValidatorsRoot");
    this.slot = Objects.requireNonNull(m.slot(), "slot");
    this.fork = Objects.requireNonNull(m.fork(), "fork");
    this.latestBlockHeader = Objects.requireNonNull(m.latestBlockHeader(), "latestBlockHeader");
    this.blockRoots = Objects.requireNonNull(m.blockRoots(), "blockRoots");
    this.stateRoots = Objects.requireNonNull(m.stateRoots(), "stateRoots");
    this.historicalRoots = Objects.requireNonNull(m.historicalRoots(), "historicalRoots");
    this.validators = Objects.requireNonNull(m.validators(), "validators");
    this.balances = Objects.requireNonNull(m.balances(), "balances");
    this.randaoMixes = Objects.requireNonNull(m.randaoMixes(), "randaoMixes");
    this.slashings = Objects.requireNonNull(m.slashings(), "slashings");
    this.previousEpochParticipation =
        Objects.requireNonNull(m.previousEpochParticipation(), "previousEpochParticipation");
    this.currentEpochParticipation =
        Objects.requireNonNull(m.currentEpochParticipation(), "currentEpochParticipation");
    this.justificationBits = Objects.requireNonNull(m.justificationBits(), "justificationBits");
    this.previousJustifiedCheckpoint =
        Objects.requireNonNull(m.previousJustifiedCheckpoint(), "previousJustifiedCheckpoint");
    this.currentJustifiedCheckpoint =
        Objects.requireNonNull(m.currentJustifiedCheckpoint(), "currentJustifiedCheckpoint");
    this.finalizedCheckpoint =
        Objects.requireNonNull(m.finalizedCheckpoint(), "finalizedCheckpoint");
    this.inactivityScores = Objects.requireNonNull(m.inactivityScores(), "inactivityScores");
    this.latestCrosslinks = Objects.requireNonNull(m.latestCrosslinks(), "latestCrosslinks");
    this.previousEpochPendingShardHeaders =
        Objects.requireNonNull(
            m.previousEpochPendingShardHeaders(), "previousEpochPendingShardHeaders");
    this.currentEpochPendingShardHeaders =
        Objects.requireNonNull(
            m.currentEpochPendingShardHeaders(), "currentEpochPendingShardHeaders");
    this.pendingDeposits = Objects.requireNonNull(m.pendingDeposits(), "pendingDeposits");
    this.pendingWithdrawals = Objects.requireNonNull(m.pendingWithdrawals(), "pendingWithdrawals");
    this.nextWithdrawalIndex =
        Objects.requireNonNull(m.nextWithdrawalIndex(), "nextWithdrawalIndex");
    this.stakingReceiptCursors =
        Objects.requireNonNull(m.stakingReceiptCursors(), "stakingReceiptCursors");
  }

  /**
   * The state with the changes {@code changes} makes to a mutable copy; this state is unchanged.
   * The mutable copy must not escape {@code changes}.
   */
  public BeaconState updated(Consumer<MutableBeaconState> changes) {
    MutableBeaconState mutable = new MutableBeaconState(this);
    changes.accept(mutable);
    return mutable.snapshot();
  }

  /** {@code hash_tree_root(state)}, computed once per state. */
  public Bytes32 hashTreeRoot() {
    Bytes32 r = root;
    if (r == null) {
      r = schemas.beaconState().hashTreeRoot(this);
      root = r;
    }
    return r;
  }

  /** The schemas of the config this state was built for. */
  public BeaconSchemas schemas() {
    return schemas;
  }

  /** {@code genesis_time}. */
  public UInt64 genesisTime() {
    return genesisTime;
  }

  /** {@code genesis_validators_root}. */
  public Bytes32 genesisValidatorsRoot() {
    return genesisValidatorsRoot;
  }

  /** {@code slot}. */
  public Slot slot() {
    return slot;
  }

  /** {@code fork}. */
  public Fork fork() {
    return fork;
  }

  /** {@code latest_block_header}. */
  public BeaconBlockHeader latestBlockHeader() {
    return latestBlockHeader;
  }

  /** {@code block_roots}. */
  public VectorView<Bytes32> blockRoots() {
    return blockRoots;
  }

  /** {@code state_roots}. */
  public VectorView<Bytes32> stateRoots() {
    return stateRoots;
  }

  /** {@code historical_roots}. */
  public ListView<Bytes32> historicalRoots() {
    return historicalRoots;
  }

  /** {@code validators}. */
  public ListView<Validator> validators() {
    return validators;
  }

  /** {@code balances}. */
  public ListView<Gwei> balances() {
    return balances;
  }

  /** {@code randao_mixes}. */
  public VectorView<Bytes32> randaoMixes() {
    return randaoMixes;
  }

  /** {@code slashings}. */
  public VectorView<Gwei> slashings() {
    return slashings;
  }

  /** {@code previous_epoch_participation}. */
  public ListView<Integer> previousEpochParticipation() {
    return previousEpochParticipation;
  }

  /** {@code current_epoch_participation}. */
  public ListView<Integer> currentEpochParticipation() {
    return currentEpochParticipation;
  }

  /** {@code justification_bits}. */
  public Bits justificationBits() {
    return justificationBits;
  }

  /** {@code previous_justified_checkpoint}. */
  public Checkpoint previousJustifiedCheckpoint() {
    return previousJustifiedCheckpoint;
  }

  /** {@code current_justified_checkpoint}. */
  public Checkpoint currentJustifiedCheckpoint() {
    return currentJustifiedCheckpoint;
  }

  /** {@code finalized_checkpoint}. */
  public Checkpoint finalizedCheckpoint() {
    return finalizedCheckpoint;
  }

  /** {@code inactivity_scores}. */
  public ListView<UInt64> inactivityScores() {
    return inactivityScores;
  }

  /** {@code latest_crosslinks}. */
  public VectorView<Crosslink> latestCrosslinks() {
    return latestCrosslinks;
  }

  /** {@code previous_epoch_pending_shard_headers}. */
  public ListView<PendingShardHeader> previousEpochPendingShardHeaders() {
    return previousEpochPendingShardHeaders;
  }

  /** {@code current_epoch_pending_shard_headers}. */
  public ListView<PendingShardHeader> currentEpochPendingShardHeaders() {
    return currentEpochPendingShardHeaders;
  }

  /** {@code pending_deposits}. */
  public ListView<PendingDeposit> pendingDeposits() {
    return pendingDeposits;
  }

  /** {@code pending_withdrawals}. */
  public ListView<PendingWithdrawal> pendingWithdrawals() {
    return pendingWithdrawals;
  }

  /** {@code next_withdrawal_index}. */
  public UInt64 nextWithdrawalIndex() {
    return nextWithdrawalIndex;
  }

  /**
   * {@code staking_receipt_cursors}: per source shard, the index of the next staking receipt the
   * beacon chain will queue, so each receipt is queued exactly once and in order.
   */
  public VectorView<UInt64> stakingReceiptCursors() {
    return stakingReceiptCursors;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BeaconState other && hashTreeRoot().equals(other.hashTreeRoot());
  }

  @Override
  public int hashCode() {
    return hashTreeRoot().hashCode();
  }

  @Override
  public String toString() {
    return "BeaconState[slot " + slot + ", root " + hashTreeRoot() + "]";
  }
}
