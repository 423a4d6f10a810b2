package io.basalt.beacon.schemas;

import static io.basalt.common.ssz.Field.field;

import io.basalt.beacon.datastructures.blocks.BeaconBlock;
import io.basalt.beacon.datastructures.blocks.BeaconBlockBody;
import io.basalt.beacon.datastructures.blocks.BeaconBlockHeader;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.datastructures.operations.AggregateAndProof;
import io.basalt.beacon.datastructures.operations.AttesterSlashing;
import io.basalt.beacon.datastructures.operations.Deposit;
import io.basalt.beacon.datastructures.operations.ProposerSlashing;
import io.basalt.beacon.datastructures.operations.SignedAggregateAndProof;
import io.basalt.beacon.datastructures.operations.SignedVoluntaryExit;
import io.basalt.beacon.datastructures.shard.Crosslink;
import io.basalt.beacon.datastructures.shard.PendingShardHeader;
import io.basalt.beacon.datastructures.shard.ShardOutbox;
import io.basalt.beacon.datastructures.shard.SignedShardBlockHeader;
import io.basalt.beacon.datastructures.shard.StakingReceiptProof;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.BeaconStateSchema;
import io.basalt.beacon.state.PendingDeposit;
import io.basalt.beacon.state.PendingWithdrawal;
import io.basalt.beacon.state.Validator;
import io.basalt.common.ssz.BitvectorSchema;
import io.basalt.common.ssz.ContainerSchema;
import io.basalt.common.ssz.SszTypes;
import io.basalt.common.ssz.view.ListView;
import io.basalt.common.ssz.view.VectorView;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.UInt64;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.types.AttestationSchemas;
import io.basalt.consensus.types.ConsensusSsz;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Every beacon SSZ type whose shape depends on the config (list limits and vector lengths from
 * {@code SHARD_COUNT}, {@code SLOTS_PER_HISTORICAL_ROOT}, ...), built once per {@link SpecConfig}.
 * Types of fixed shape keep a static {@code SSZ} schema on their record instead. Immutable and
 * thread-safe; share one instance per config.
 */
public final class BeaconSchemas {

  /** {@code VALIDATOR_REGISTRY_LIMIT}: bound of the registry and the per-validator lists. */
  public static final long VALIDATOR_REGISTRY_LIMIT = 1L << 40;

  /** {@code HISTORICAL_ROOTS_LIMIT}. */
  public static final long HISTORICAL_ROOTS_LIMIT = 1L << 24;

  /** Bound of the pending deposit and withdrawal queues (Electra's {@code 2**27}). */
  public static final long PENDING_QUEUE_LIMIT = 1L << 27;

  /**
   * How many headers a shard may have proposed per slot in one block's body (competing headers and
   * late ones): the body holds at most {@code SHARD_COUNT * MAX_SHARD_HEADERS_PER_SHARD}.
   */
  public static final int MAX_SHARD_HEADERS_PER_SHARD = 4;

  /** {@code JUSTIFICATION_BITS_LENGTH}. */
  public static final int JUSTIFICATION_BITS_LENGTH = 4;

  private final SpecConfig config;
  private final AttestationSchemas attestations;
  private final ContainerSchema<AttesterSlashing> attesterSlashing;
  private final ContainerSchema<AggregateAndProof> aggregateAndProof;
  private final ContainerSchema<SignedAggregateAndProof> signedAggregateAndProof;
  private final ContainerSchema<BeaconBlockBody> beaconBlockBody;
  private final ContainerSchema<BeaconBlock> beaconBlock;
  private final ContainerSchema<SignedBeaconBlock> signedBeaconBlock;
  private final ContainerSchema<PendingShardHeader> pendingShardHeader;

  private final VectorView.Schema<Bytes32> blockRoots;
  private final VectorView.Schema<Bytes32> stateRoots;
  private final ListView.Schema<Bytes32> historicalRoots;
  private final ListView.Schema<Validator> validators;
  private final ListView.Schema<Gwei> balances;
  private final VectorView.Schema<Bytes32> randaoMixes;
  private final VectorView.Schema<Gwei> slashings;
  private final ListView.Schema<Integer> participation;
  private final BitvectorSchema justificationBits;
  private final ListView.Schema<UInt64> inactivityScores;
  private final VectorView.Schema<Crosslink> latestCrosslinks;
  private final ListView.Schema<PendingShardHeader> pendingShardHeaders;
  private final ListView.Schema<PendingDeposit> pendingDeposits;
  private final ListView.Schema<PendingWithdrawal> pendingWithdrawals;
  private final VectorView.Schema<UInt64> stakingReceiptCursors;
  private final ShardOutbox.Schema shardOutbox;
  private final ContainerSchema<BeaconState> beaconState;
  private final BeaconState emptyBeaconState;

  public BeaconSchemas(SpecConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.attestations = new AttestationSchemas(config);
    int shardHeadersPerBlock = config.shardCount() * MAX_SHARD_HEADERS_PER_SHARD;

    this.attesterSlashing =
        ContainerSchema.ofRecord(
            AttesterSlashing.class,
            field(
                "attestation1", attestations.indexedAttestation(), AttesterSlashing::attestation1),
            field(
                "attestation2", attestations.indexedAttestation(), AttesterSlashing::attestation2));
    this.aggregateAndProof =
        ContainerSchema.ofRecord(
            AggregateAndProof.class,
            field("aggregatorIndex", SszTypes.VALIDATOR_INDEX, AggregateAndProof::aggregatorIndex),
            field("aggregate", attestations.attestation(), AggregateAndProof::aggregate),
            field("selectionProof", ConsensusSsz.BLS_SIGNATURE, AggregateAndProof::selectionProof));
    this.signedAggregateAndProof =
        ContainerSchema.ofRecord(
            SignedAggregateAndProof.class,
            field("message", aggregateAndProof, SignedAggregateAndProof::message),
            field("signature", ConsensusSsz.BLS_SIGNATURE, SignedAggregateAndProof::signature));
    this.beaconBlockBody =
        ContainerSchema.ofRecord(
            BeaconBlockBody.class,
            field("randaoReveal", ConsensusSsz.BLS_SIGNATURE, BeaconBlockBody::randaoReveal),
            field("graffiti", SszTypes.BYTES32, BeaconBlockBody::graffiti),
            field(
                "proposerSlashings",
                SszTypes.list(ProposerSlashing.SSZ, config.maxProposerSlashings()),
                BeaconBlockBody::proposerSlashings),
            field(
                "attesterSlashings",
                SszTypes.list(attesterSlashing, config.maxAttesterSlashings()),
                BeaconBlockBody::attesterSlashings),
            field(
                "attestations",
                SszTypes.list(attestations.attestation(), config.maxAttestations()),
                BeaconBlockBody::attestations),
            field(
                "deposits",
                SszTypes.list(Deposit.SSZ, config.maxDeposits()),
                BeaconBlockBody::deposits),
            field(
                "voluntaryExits",
                SszTypes.list(SignedVoluntaryExit.SSZ, config.maxVoluntaryExits()),
                BeaconBlockBody::voluntaryExits),
            field(
                "shardHeaders",
                SszTypes.list(SignedShardBlockHeader.SSZ, shardHeadersPerBlock),
                BeaconBlockBody::shardHeaders),
            field(
                "stakingReceipts",
                SszTypes.list(StakingReceiptProof.SSZ, config.maxDeposits()),
                BeaconBlockBody::stakingReceipts));
    this.beaconBlock =
        ContainerSchema.ofRecord(
            BeaconBlock.class,
            field("slot", SszTypes.SLOT, BeaconBlock::slot),
            field("proposerIndex", SszTypes.VALIDATOR_INDEX, BeaconBlock::proposerIndex),
            field("parentRoot", SszTypes.BYTES32, BeaconBlock::parentRoot),
            field("stateRoot", SszTypes.BYTES32, BeaconBlock::stateRoot),
            field("body", beaconBlockBody, BeaconBlock::body));
    this.signedBeaconBlock =
        ContainerSchema.ofRecord(
            SignedBeaconBlock.class,
            field("message", beaconBlock, SignedBeaconBlock::message),
            field("signature", ConsensusSsz.BLS_SIGNATURE, SignedBeaconBlock::signature));
    this.pendingShardHeader =
        ContainerSchema.ofRecord(
            PendingShardHeader.class,
            field("crosslink", Crosslink.SSZ, PendingShardHeader::crosslink),
            field(
                "votes",
                SszTypes.bitlist(config.maxValidatorsPerCommittee()),
                PendingShardHeader::votes),
            field("weight", SszTypes.GWEI, PendingShardHeader::weight));

    this.blockRoots = SszTypes.vector(SszTypes.BYTES32, config.slotsPerHistoricalRoot()).view();
    this.stateRoots = SszTypes.vector(SszTypes.BYTES32, config.slotsPerHistoricalRoot()).view();
    this.historicalRoots = SszTypes.list(SszTypes.BYTES32, HISTORICAL_ROOTS_LIMIT).view();
    this.validators = SszTypes.list(Validator.SSZ, VALIDATOR_REGISTRY_LIMIT).view();
    this.balances = SszTypes.list(SszTypes.GWEI, VALIDATOR_REGISTRY_LIMIT).view();
    this.randaoMixes = SszTypes.vector(SszTypes.BYTES32, config.epochsPerHistoricalVector()).view();
    this.slashings = SszTypes.vector(SszTypes.GWEI, config.epochsPerSlashingsVector()).view();
    this.participation = SszTypes.list(SszTypes.UINT8, VALIDATOR_REGISTRY_LIMIT).view();
    this.justificationBits = SszTypes.bitvector(JUSTIFICATION_BITS_LENGTH);
    this.inactivityScores = SszTypes.list(SszTypes.UINT64, VALIDATOR_REGISTRY_LIMIT).view();
    this.latestCrosslinks = SszTypes.vector(Crosslink.SSZ, config.shardCount()).view();
    this.pendingShardHeaders =
        SszTypes.list(pendingShardHeader, (long) shardHeadersPerBlock * config.slotsPerEpoch())
            .view();
    this.pendingDeposits = SszTypes.list(PendingDeposit.SSZ, PENDING_QUEUE_LIMIT).view();
    this.pendingWithdrawals = SszTypes.list(PendingWithdrawal.SSZ, PENDING_QUEUE_LIMIT).view();
    this.stakingReceiptCursors = SszTypes.vector(SszTypes.UINT64, config.shardCount()).view();
    this.shardOutbox = new ShardOutbox.Schema(config.shardCount());
    this.beaconState = BeaconStateSchema.create(this);
    this.emptyBeaconState = BeaconStateSchema.empty(this);
  }

  public SpecConfig config() {
    return config;
  }

  /** {@code Attestation} and {@code IndexedAttestation}. */
  public AttestationSchemas attestations() {
    return attestations;
  }

  public ContainerSchema<AttesterSlashing> attesterSlashing() {
    return attesterSlashing;
  }

  public ContainerSchema<AggregateAndProof> aggregateAndProof() {
    return aggregateAndProof;
  }

  public ContainerSchema<SignedAggregateAndProof> signedAggregateAndProof() {
    return signedAggregateAndProof;
  }

  public ContainerSchema<BeaconBlockBody> beaconBlockBody() {
    return beaconBlockBody;
  }

  public ContainerSchema<BeaconBlock> beaconBlock() {
    return beaconBlock;
  }

  public ContainerSchema<SignedBeaconBlock> signedBeaconBlock() {
    return signedBeaconBlock;
  }

  /**
   * {@code PendingShardHeader {crosslink, votes: Bitlist[MAX_VALIDATORS_PER_COMMITTEE], weight}}.
   */
  public ContainerSchema<PendingShardHeader> pendingShardHeader() {
    return pendingShardHeader;
  }

  public ContainerSchema<BeaconState> beaconState() {
    return beaconState;
  }

  /**
   * The state with every field at its default: zero numbers and roots, empty lists, zero-filled
   * vectors, each shard's genesis crosslink, the genesis fork. Genesis starts from it.
   */
  public BeaconState emptyBeaconState() {
    return emptyBeaconState;
  }

  /** {@code Vector[Root, SLOTS_PER_HISTORICAL_ROOT]}. */
  public VectorView.Schema<Bytes32> blockRoots() {
    return blockRoots;
  }

  /** {@code Vector[Root, SLOTS_PER_HISTORICAL_ROOT]}. */
  public VectorView.Schema<Bytes32> stateRoots() {
    return stateRoots;
  }

  /** {@code List[Root, HISTORICAL_ROOTS_LIMIT]}. */
  public ListView.Schema<Bytes32> historicalRoots() {
    return historicalRoots;
  }

  /** {@code List[Validator, VALIDATOR_REGISTRY_LIMIT]}. */
  public ListView.Schema<Validator> validators() {
    return validators;
  }

  /** {@code List[Gwei, VALIDATOR_REGISTRY_LIMIT]}. */
  public ListView.Schema<Gwei> balances() {
    return balances;
  }

  /** {@code Vector[Bytes32, EPOCHS_PER_HISTORICAL_VECTOR]}. */
  public VectorView.Schema<Bytes32> randaoMixes() {
    return randaoMixes;
  }

  /** {@code Vector[Gwei, EPOCHS_PER_SLASHINGS_VECTOR]}. */
  public VectorView.Schema<Gwei> slashings() {
    return slashings;
  }

  /** {@code List[ParticipationFlags (uint8), VALIDATOR_REGISTRY_LIMIT]}. */
  public ListView.Schema<Integer> participation() {
    return participation;
  }

  /** {@code Bitvector[JUSTIFICATION_BITS_LENGTH]}. */
  public BitvectorSchema justificationBits() {
    return justificationBits;
  }

  /** {@code List[uint64, VALIDATOR_REGISTRY_LIMIT]}. */
  public ListView.Schema<UInt64> inactivityScores() {
    return inactivityScores;
  }

  /** {@code Vector[Crosslink, SHARD_COUNT]}. */
  public VectorView.Schema<Crosslink> latestCrosslinks() {
    return latestCrosslinks;
  }

  /**
   * {@code List[PendingShardHeader, SHARD_COUNT * MAX_SHARD_HEADERS_PER_SHARD * SLOTS_PER_EPOCH]}:
   * one epoch of proposed headers.
   */
  public ListView.Schema<PendingShardHeader> pendingShardHeaders() {
    return pendingShardHeaders;
  }

  /** {@code List[PendingDeposit, PENDING_QUEUE_LIMIT]}. */
  public ListView.Schema<PendingDeposit> pendingDeposits() {
    return pendingDeposits;
  }

  /** {@code List[PendingWithdrawal, PENDING_QUEUE_LIMIT]}. */
  public ListView.Schema<PendingWithdrawal> pendingWithdrawals() {
    return pendingWithdrawals;
  }

  /** {@code Vector[uint64, SHARD_COUNT]}: per shard, the index of the next staking receipt. */
  public VectorView.Schema<UInt64> stakingReceiptCursors() {
    return stakingReceiptCursors;
  }

  /** The outbox of a shard, whose root a crosslink's {@code receiptsRoot} is. */
  public ShardOutbox.Schema shardOutbox() {
    return shardOutbox;
  }

  /** {@code hash_tree_root} of a header is that of the block it heads. */
  public BeaconBlockHeader blockHeader(BeaconBlock block) {
    return block.toHeader(beaconBlockBody.hashTreeRoot(block.body()));
  }
}
