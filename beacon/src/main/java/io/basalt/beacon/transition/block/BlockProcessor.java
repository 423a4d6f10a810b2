package io.basalt.beacon.transition.block;

import static io.basalt.beacon.transition.BlockProcessingException.check;

import io.basalt.beacon.datastructures.blocks.BeaconBlock;
import io.basalt.beacon.datastructures.blocks.BeaconBlockBody;
import io.basalt.beacon.datastructures.blocks.BeaconBlockHeader;
import io.basalt.beacon.datastructures.operations.AttesterSlashing;
import io.basalt.beacon.datastructures.operations.Deposit;
import io.basalt.beacon.datastructures.operations.ProposerSlashing;
import io.basalt.beacon.datastructures.operations.SignedVoluntaryExit;
import io.basalt.beacon.datastructures.shard.SignedShardBlockHeader;
import io.basalt.beacon.datastructures.shard.StakingReceiptProof;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.helpers.BeaconStateMutators;
import io.basalt.beacon.helpers.Predicates;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.MutableBeaconState;
import io.basalt.beacon.transition.BlockProcessingException;
import io.basalt.beacon.transition.InvalidBlockReason;
import io.basalt.beacon.transition.signatures.SignatureCheck;
import io.basalt.beacon.transition.signatures.SignatureSets;
import io.basalt.common.crypto.Hash;
import io.basalt.common.crypto.bls.BlsException;
import io.basalt.common.crypto.bls.BlsSignatureSet;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.types.Attestation;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/**
 * {@code process_block}: one short method per step, in the spec's order, on a {@link
 * MutableBeaconState} inside {@code state.updated(...)}. Signatures go to a {@link SignatureCheck},
 * so the same code checks them at once or records them for one batch.
 *
 * <p>Operation order: proposer slashings, attester slashings, <b>shard headers</b>, attestations,
 * deposits, <b>staking receipts</b>, voluntary exits. Shard headers come before attestations (as in
 * Ethereum's former sharding spec) so that the attestations of a block can vote for the headers the
 * same block registers: both usually arrive in the block after the shard block's slot. Staking
 * receipts come after attestations, so a crosslink this block confirms already proves receipts, and
 * after deposits, so a receipt queued by block N is deposited by block N+1 at the earliest: the
 * deposit count is fixed by the queue as the block starts, and deposits take the queue's head.
 * Thread-safe; the mutable state is not.
 */
public final class BlockProcessor {

  private final SpecConfig config;
  private final BeaconStateAccessors accessors;
  private final SignatureSets signatureSets;
  private final SlashingProcessor slashings;
  private final AttestationProcessor attestations;
  private final DepositProcessor deposits;
  private final ExitProcessor exits;
  private final ShardHeaderProcessor shardHeaders;
  private final StakingReceiptProcessor stakingReceipts;

  public BlockProcessor(
      BeaconSchemas schemas, BeaconStateAccessors accessors, SignatureSets signatureSets) {
    this.config = schemas.config();
    this.accessors = Objects.requireNonNull(accessors, "accessors");
    this.signatureSets = Objects.requireNonNull(signatureSets, "signatureSets");
    Predicates predicates = new Predicates(config);
    BeaconStateMutators mutators = new BeaconStateMutators(config, accessors);
    this.slashings = new SlashingProcessor(accessors, predicates, mutators, signatureSets);
    this.attestations = new AttestationProcessor(schemas, accessors, signatureSets);
    this.deposits = new DepositProcessor(schemas, mutators, signatureSets);
    this.exits = new ExitProcessor(config, accessors, predicates, mutators, signatureSets);
    this.shardHeaders = new ShardHeaderProcessor(config, accessors, signatureSets);
    this.stakingReceipts = new StakingReceiptProcessor(schemas);
  }

  /** Applies {@code block} to {@code state}, whose slot must be the block's. */
  // spec: process_block
  public void processBlock(MutableBeaconState state, BeaconBlock block, SignatureCheck signatures)
      throws BlockProcessingException {
    processBlockHeader(state, block);
    processRandao(state, block, signatures);
    processOperations(state, block.body(), signatures);
  }

  // spec: process_block_header
  public void processBlockHeader(MutableBeaconState state, BeaconBlock block)
      throws BlockProcessingException {
    check(
        block.slot().equals(state.slot()),
        InvalidBlockReason.BLOCK_SLOT_MISMATCH,
        "Block slot " + block.slot() + " differs from state slot " + state.slot());
    BeaconBlockHeader latest = state.latestBlockHeader();
    check(
        block.slot().isAfter(latest.slot()),
        InvalidBlockReason.BLOCK_NOT_NEWER_THAN_PARENT,
        "Block slot " + block.slot() + " is not after the latest block's " + latest.slot());
    BeaconState snapshot = state.snapshot();
    ValidatorIndex proposer = accessors.getBeaconProposerIndex(snapshot);
    check(
        block.proposerIndex().equals(proposer),
        InvalidBlockReason.PROPOSER_INDEX_MISMATCH,
        "Block names proposer " + block.proposerIndex() + ", slot's proposer is " + proposer);
    Bytes32 parentRoot = latest.hashTreeRoot();
    check(
        block.parentRoot().equals(parentRoot),
        InvalidBlockReason.PARENT_ROOT_MISMATCH,
        "Block parent " + block.parentRoot() + " is not the latest block " + parentRoot);
    state.setLatestBlockHeader(
        new BeaconBlockHeader(
            block.slot(),
            block.proposerIndex(),
            block.parentRoot(),
            Bytes32.ZERO, // filled in by the next process_slot
            state.schemas().beaconBlockBody().hashTreeRoot(block.body())));
    check(
        !state.validators().get(proposer.intValue()).slashed(),
        InvalidBlockReason.PROPOSER_SLASHED,
        "Proposer " + proposer + " is slashed");
  }

  /** Verifies the reveal and mixes {@code hash(reveal)} into the epoch's RANDAO mix. */
  // spec: process_randao
  public void processRandao(MutableBeaconState state, BeaconBlock block, SignatureCheck signatures)
      throws BlockProcessingException {
    BeaconState snapshot = state.snapshot();
    BlsSignatureSet set;
    try {
      set = signatureSets.randaoReveal(snapshot, block);
    } catch (BlsException e) {
      throw new BlockProcessingException(
          InvalidBlockReason.RANDAO_INVALID, "RANDAO reveal is not a signature", e);
    }
    signatures.check(
        set,
        InvalidBlockReason.RANDAO_INVALID,
        "RANDAO reveal of proposer " + block.proposerIndex());
    Epoch epoch = accessors.getCurrentEpoch(snapshot);
    Bytes32 mix =
        accessors.getRandaoMix(snapshot, epoch).xor(Hash.sha256(block.body().randaoReveal()));
    state.setRandaoMix(epoch.value().mod(config.epochsPerHistoricalVector()).longValue(), mix);
  }

  /** The block's operations, each list in order; see the class comment for the list order. */
  // spec: process_operations
  public void processOperations(
      MutableBeaconState state, BeaconBlockBody body, SignatureCheck signatures)
      throws BlockProcessingException {
    int expectedDeposits = (int) Math.min(config.maxDeposits(), state.pendingDeposits().size());
    check(
        body.deposits().size() == expectedDeposits,
        InvalidBlockReason.DEPOSIT_COUNT_MISMATCH,
        "Block has "
            + body.deposits().size()
            + " deposits; the queue of "
            + state.pendingDeposits().size()
            + " requires "
            + expectedDeposits);
    for (ProposerSlashing slashing : body.proposerSlashings()) {
      processProposerSlashing(state, slashing, signatures);
    }
    for (AttesterSlashing slashing : body.attesterSlashings()) {
      processAttesterSlashing(state, slashing, signatures);
    }
    for (SignedShardBlockHeader header : body.shardHeaders()) {
      processShardHeader(state, header, signatures);
    }
    AttestationBatch batch = attestations.newBatch(state.snapshot());
    for (Attestation attestation : body.attestations()) {
      attestations.process(state, attestation, signatures, batch);
    }
    batch.apply(state);
    for (Deposit deposit : body.deposits()) {
      processDeposit(state, deposit);
    }
    for (StakingReceiptProof proof : body.stakingReceipts()) {
      processStakingReceipt(state, proof);
    }
    for (SignedVoluntaryExit exit : body.voluntaryExits()) {
      processVoluntaryExit(state, exit, signatures);
    }
  }

  // spec: process_proposer_slashing
  public void processProposerSlashing(
      MutableBeaconState state, ProposerSlashing slashing, SignatureCheck signatures)
      throws BlockProcessingException {
    slashings.processProposerSlashing(state, slashing, signatures);
  }

  // spec: process_attester_slashing
  public void processAttesterSlashing(
      MutableBeaconState state, AttesterSlashing slashing, SignatureCheck signatures)
      throws BlockProcessingException {
    slashings.processAttesterSlashing(state, slashing, signatures);
  }

  /**
   * One attestation alone: Altair participation flags and proposer reward, and its vote for the
   * shard header it names (see {@link CrosslinkVotes}).
   */
  // spec: process_attestation
  public void processAttestation(
      MutableBeaconState state, Attestation attestation, SignatureCheck signatures)
      throws BlockProcessingException {
    AttestationBatch batch = attestations.newBatch(state.snapshot());
    attestations.process(state, attestation, signatures, batch);
    batch.apply(state);
  }

  /** The next entry of the pending-deposit queue; see {@link DepositProcessor}. */
  // spec: process_deposit
  public void processDeposit(MutableBeaconState state, Deposit deposit)
      throws BlockProcessingException {
    deposits.processDeposit(state, deposit);
  }

  /** Queues a proven staking receipt as a pending deposit; see {@link StakingReceiptProcessor}. */
  // spec: process_staking_receipt
  public void processStakingReceipt(MutableBeaconState state, StakingReceiptProof proof)
      throws BlockProcessingException {
    stakingReceipts.processStakingReceipt(state, proof);
  }

  // spec: process_voluntary_exit
  public void processVoluntaryExit(
      MutableBeaconState state, SignedVoluntaryExit exit, SignatureCheck signatures)
      throws BlockProcessingException {
    exits.processVoluntaryExit(state, exit, signatures);
  }

  /** Registers a signed shard header as pending; see {@link ShardHeaderProcessor}. */
  // spec: process_shard_header
  public void processShardHeader(
      MutableBeaconState state, SignedShardBlockHeader header, SignatureCheck signatures)
      throws BlockProcessingException {
    shardHeaders.processShardHeader(state, header, signatures);
  }
}
