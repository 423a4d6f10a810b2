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
import org.apache.tuweni.bytes.Bytes32;

/**
 * The single-threaded, mutable side of {@link BeaconState}: handed to the function given to {@link
 * BeaconState#updated}, never kept. Setters replace a field; the tree-backed fields are immutable
 * views, so each element change path-copies its tree and the new state shares every untouched
 * subtree with the old one. Nothing is hashed until the new state's root is asked for.
 *
 * <p>For bulk rewrites (epoch processing touching every balance) build the whole new view once,
 * e.g. {@code setBalances(schemas.balances().of(newBalances))}, instead of a million single sets.
 */
public final class MutableBeaconState {
  private UInt64 genesisTime;
  private Bytes32 genesisValidatorsRoot;
  private Slot slot;
  private Fork fork;
  private BeaconBlockHeader latestBlockHeader;
  private VectorView<Bytes32> blockRoots;
  private VectorView<Bytes32> stateRoots;
  private ListView<Bytes32> historicalRoots;
  private ListView<Validator> validators;
  private ListView<Gwei> balances;
  private VectorView<Bytes32> randaoMixes;
  private VectorView<Gwei> slashings;
  private ListView<Integer> previousEpochParticipation;
  private ListView<Integer> currentEpochParticipation;
  private Bits justificationBits;
  private Checkpoint previousJustifiedCheckpoint;
  private Checkpoint currentJustifiedCheckpoint;
  private Checkpoint finalizedCheckpoint;
  private ListView<UInt64> inactivityScores;
  private VectorView<Crosslink> latestCrosslinks;
  private ListView<PendingShardHeader> previousEpochPendingShardHeaders;
  private ListView<PendingShardHeader> currentEpochPendingShardHeaders;
  private ListView<PendingDeposit> pendingDeposits;
  private ListView<PendingWithdrawal> pendingWithdrawals;
  private UInt64 nextWithdrawalIndex;
  private VectorView<UInt64> stakingReceiptCursors;

  private final BeaconSchemas schemas;

  /** All fields unset: the caller sets every one before committing. */
  MutableBeaconState(BeaconSchemas schemas) {
    this.schemas = schemas;
  }

  MutableBeaconState(BeaconState state) {
    this.schemas = state.schemas();
    this.genesisTime = state.genesisTime();
    this.genesisValidatorsRoot = state.genesisValidatorsRoot();
    this.slot = state.slot();
    this.fork = state.fork();
    this.latestBlockHeader = state.latestBlockHeader();
    this.blockRoots = state.blockRoots();
    this.stateRoots = state.stateRoots();
    this.historicalRoots = state.historicalRoots();
    this.validators = state.validators();
    this.balances = state.balances();
    this.randaoMixes = state.randaoMixes();
    this.slashings = state.slashings();
    this.previousEpochParticipation = state.previousEpochParticipation();
    this.currentEpochParticipation = state.currentEpochParticipation();
    this.justificationBits = state.justificationBits();
    this.previousJustifiedCheckpoint = state.previousJustifiedCheckpoint();
    this.currentJustifiedCheckpoint = state.currentJustifiedCheckpoint();
    this.finalizedCheckpoint = state.finalizedCheckpoint();
    this.inactivityScores = state.inactivityScores();
    this.latestCrosslinks = state.latestCrosslinks();
    this.previousEpochPendingShardHeaders = state.previousEpochPendingShardHeaders();
    this.currentEpochPendingShardHeaders = state.currentEpochPendingShardHeaders();
    this.pendingDeposits = state.pendingDeposits();
    this.pendingWithdrawals = state.pendingWithdrawals();
    this.nextWithdrawalIndex = state.nextWithdrawalIndex();
    this.stakingReceiptCursors = state.stakingReceiptCursors();
  }

  public UInt64 genesisTime() {
    return genesisTime;
  }

  public MutableBeaconState setGenesisTime(UInt64 value) {
    this.genesisTime = Objects.requireNonNull(value, "genesisTime");
    return this;
  }

  public Bytes32 genesisValidatorsRoot() {
    return genesisValidatorsRoot;
  }

  public MutableBeaconState setGenesisValidatorsRoot(Bytes32 value) {
    this.genesisValidatorsRoot = Objects.requireNonNull(value, "genesisValidatorsRoot");
    return this;
  }

  public Slot slot() {
    return slot;
  }

  public MutableBeaconState setSlot(Slot value) {
    this.slot = Objects.requireNonNull(value, "slot");
    return this;
  }

  public Fork fork() {
    return fork;
  }

  public MutableBeaconState setFork(Fork value) {
    this.fork = Objects.requireNonNull(value, "fork");
    return this;
  }

  public BeaconBlockHeader latestBlockHeader() {
    return latestBlockHeader;
  }

  public MutableBeaconState setLatestBlockHeader(BeaconBlockHeader value) {
    this.latestBlockHeader = Objects.requireNonNull(value, "latestBlockHeader");
    return this;
  }

  public VectorView<Bytes32> blockRoots() {
    return blockRoots;
  }

  public MutableBeaconState setBlockRoots(VectorView<Bytes32> value) {
    this.blockRoots = Objects.requireNonNull(value, "blockRoots");
    return this;
  }

  public VectorView<Bytes32> stateRoots() {
    return stateRoots;
  }

  public MutableBeaconState setStateRoots(VectorView<Bytes32> value) {
    this.stateRoots = Objects.requireNonNull(value, "stateRoots");
    return this;
  }

  public ListView<Bytes32> historicalRoots() {
    return historicalRoots;
  }

  public MutableBeaconState setHistoricalRoots(ListView<Bytes32> value) {
    this.historicalRoots = Objects.requireNonNull(value, "historicalRoots");
    return this;
  }

  public ListView<Validator> validators() {
    return validators;
  }

  public MutableBeaconState setValidators(ListView<Validator> value) {
    this.validators = Objects.requireNonNull(value, "validators");
    return this;
  }

  public ListView<Gwei> balances() {
    return balances;
  }

  public MutableBeaconState setBalances(ListView<Gwei> value) {
    this.balances = Objects.requireNonNull(value, "balances");
    return this;
  }

  public VectorView<Bytes32> randaoMixes() {
    return randaoMixes;
  }

  public MutableBeaconState setRandaoMixes(VectorView<Bytes32> value) {
    this.randaoMixes = Objects.requireNonNull(value, "randaoMixes");
    return this;
  }

  public VectorView<Gwei> slashings() {
    return slashings;
  }

  public MutableBeaconState setSlashings(VectorView<Gwei> value) {
    this.slashings = Objects.requireNonNull(value, "slashings");
    return this;
  }

  public ListView<Integer> previousEpochParticipation() {
    return previousEpochParticipation;
  }

  public MutableBeaconState setPreviousEpochParticipation(ListView<Integer> value) {
    this.previousEpochParticipation = Objects.requireNonNull(value, "previousEpochParticipation");
    return this;
  }

  public ListView<Integer> currentEpochParticipation() {
    return currentEpochParticipation;
  }

  public MutableBeaconState setCurrentEpochParticipation(ListView<Integer> value) {
    this.currentEpochParticipation = Objects.requireNonNull(value, "currentEpochParticipation");
    return this;
  }

  public Bits justificationBits() {
    return justificationBits;
  }

  public MutableBeaconState setJustificationBits(Bits value) {
    this.justificationBits = Objects.requireNonNull(value, "justificationBits");
    return this;
  }

  public Checkpoint previousJustifiedCheckpoint() {
    return previousJustifiedCheckpoint;
  }

  public MutableBeaconState setPreviousJustifiedCheckpoint(Checkpoint value) {
    this.previousJustifiedCheckpoint = Objects.requireNonNull(value, "previousJustifiedCheckpoint");
    return this;
  }

  public Checkpoint currentJustifiedCheckpoint() {
    return currentJustifiedCheckpoint;
  }

  public MutableBeaconState setCurrentJustifiedCheckpoint(Checkpoint value) {
    this.currentJustifiedCheckpoint = Objects.requireNonNull(value, "currentJustifiedCheckpoint");
    return this;
  }

  public Checkpoint finalizedCheckpoint() {
    return finalizedCheckpoint;
  }

  public MutableBeaconState setFinalizedCheckpoint(Checkpoint value) {
    this.finalizedCheckpoint = Objects.requireNonNull(value, "finalizedCheckpoint");
    return this;
  }

  public ListView<UInt64> inactivityScores() {
    return inactivityScores;
  }

  public MutableBeaconState setInactivityScores(ListView<UInt64> value) {
    this.inactivityScores = Objects.requireNonNull(value, "inactivityScores");
    return this;
  }

  public VectorView<Crosslink> latestCrosslinks() {
    return latestCrosslinks;
  }

  public MutableBeaconState setLatestCrosslinks(VectorView<Crosslink> value) {
    this.latestCrosslinks = Objects.requireNonNull(value, "latestCrosslinks");
    return this;
  }

  public ListView<PendingShardHeader> previousEpochPendingShardHeaders() {
    return previousEpochPendingShardHeaders;
  }

  public MutableBeaconState setPreviousEpochPendingShardHeaders(
      ListView<PendingShardHeader> value) {
    this.previousEpochPendingShardHeaders =
        Objects.requireNonNull(value, "previousEpochPendingShardHeaders");
    return this;
  }

  public ListView<PendingShardHeader> currentEpochPendingShardHeaders() {
    return currentEpochPendingShardHeaders;
  }

  public MutableBeaconState setCurrentEpochPendingShardHeaders(ListView<PendingShardHeader> value) {
    this.currentEpochPendingShardHeaders =
        Objects.requireNonNull(value, "currentEpochPendingShardHeaders");
    return this;
  }

  public ListView<PendingDeposit> pendingDeposits() {
    return pendingDeposits;
  }

  public MutableBeaconState setPendingDeposits(ListView<PendingDeposit> value) {
    this.pendingDeposits = Objects.requireNonNull(value, "pendingDeposits");
    return this;
  }

  public ListView<PendingWithdrawal> pendingWithdrawals() {
    return pendingWithdrawals;
  }

  public MutableBeaconState setPendingWithdrawals(ListView<PendingWithdrawal> value) {
    this.pendingWithdrawals = Objects.requireNonNull(value, "pendingWithdrawals");
    return this;
  }

  public UInt64 nextWithdrawalIndex() {
    return nextWithdrawalIndex;
  }

  public MutableBeaconState setNextWithdrawalIndex(UInt64 value) {
    this.nextWithdrawalIndex = Objects.requireNonNull(value, "nextWithdrawalIndex");
    return this;
  }

  public VectorView<UInt64> stakingReceiptCursors() {
    return stakingReceiptCursors;
  }

  public MutableBeaconState setStakingReceiptCursors(VectorView<UInt64> value) {
    this.stakingReceiptCursors = Objects.requireNonNull(value, "stakingReceiptCursors");
    return this;
  }

  /** Replaces element {@code index} of {@code validators}. */
  public MutableBeaconState setValidator(long index, Validator value) {
    this.validators = validators.set(index, value);
    return this;
  }

  /** Replaces element {@code index} of {@code balances}. */
  public MutableBeaconState setBalance(long index, Gwei value) {
    this.balances = balances.set(index, value);
    return this;
  }

  /** Replaces element {@code index} of {@code blockRoots}. */
  public MutableBeaconState setBlockRoot(long index, Bytes32 value) {
    this.blockRoots = blockRoots.set(index, value);
    return this;
  }

  /** Replaces element {@code index} of {@code stateRoots}. */
  public MutableBeaconState setStateRoot(long index, Bytes32 value) {
    this.stateRoots = stateRoots.set(index, value);
    return this;
  }

  /** Replaces element {@code index} of {@code randaoMixes}. */
  public MutableBeaconState setRandaoMix(long index, Bytes32 value) {
    this.randaoMixes = randaoMixes.set(index, value);
    return this;
  }

  /** Replaces element {@code index} of {@code slashings}. */
  public MutableBeaconState setSlashing(long index, Gwei value) {
    this.slashings = slashings.set(index, value);
    return this;
  }

  /** Replaces element {@code index} of {@code previousEpochParticipation}. */
  public MutableBeaconState setPreviousEpochParticipation(long index, Integer value) {
    this.previousEpochParticipation = previousEpochParticipation.set(index, value);
    return this;
  }

  /** Replaces element {@code index} of {@code currentEpochParticipation}. */
  public MutableBeaconState setCurrentEpochParticipation(long index, Integer value) {
    this.currentEpochParticipation = currentEpochParticipation.set(index, value);
    return this;
  }

  /** Replaces element {@code index} of {@code inactivityScores}. */
  public MutableBeaconState setInactivityScore(long index, UInt64 value) {
    this.inactivityScores = inactivityScores.set(index, value);
    return this;
  }

  /** Replaces element {@code index} of {@code latestCrosslinks}. */
  public MutableBeaconState setLatestCrosslink(long index, Crosslink value) {
    this.latestCrosslinks = latestCrosslinks.set(index, value);
    return this;
  }

  /** Replaces element {@code index} of {@code stakingReceiptCursors}. */
  public MutableBeaconState setStakingReceiptCursor(long index, UInt64 value) {
    this.stakingReceiptCursors = stakingReceiptCursors.set(index, value);
    return this;
  }

  /**
   * An immutable state holding the changes made so far, so that the read-only helpers (accessors,
   * predicates) can be used in the middle of an update. Cheap: it shares every tree and hashes
   * nothing.
   */
  public BeaconState snapshot() {
    return new BeaconState(schemas, this);
  }

  /** The schemas of the state being changed. */
  public BeaconSchemas schemas() {
    return schemas;
  }
}
