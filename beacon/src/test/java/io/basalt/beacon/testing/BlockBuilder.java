package io.basalt.beacon.testing;

import io.basalt.beacon.datastructures.blocks.BeaconBlock;
import io.basalt.beacon.datastructures.blocks.BeaconBlockBody;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.datastructures.operations.AttesterSlashing;
import io.basalt.beacon.datastructures.operations.Deposit;
import io.basalt.beacon.datastructures.operations.ProposerSlashing;
import io.basalt.beacon.datastructures.operations.SignedVoluntaryExit;
import io.basalt.beacon.datastructures.shard.SignedShardBlockHeader;
import io.basalt.beacon.datastructures.shard.StakingReceiptProof;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.PendingDeposit;
import io.basalt.beacon.transition.BlockProcessingException;
import io.basalt.beacon.transition.StateTransition;
import io.basalt.common.crypto.bls.BlsSignatureVerifier;
import io.basalt.common.ssz.SszTypes;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.signing.SigningHelpers;
import io.basalt.consensus.types.Attestation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Produces valid signed beacon blocks as the interop proposer would: advances the parent state to
 * the slot, fills in the proposer, parent root, RANDAO reveal and the queued deposits, computes the
 * post-state root with {@link BlsSignatureVerifier#noOp()}, and signs. Operations are added through
 * {@link Body}. Tests that need an invalid block change the returned records.
 */
public final class BlockBuilder {

  private final SpecConfig config;
  private final BeaconSchemas schemas;
  private final BeaconStateAccessors accessors;
  private final StateTransition transition;
  private final InteropSigner signer;
  private final SigningHelpers signing = new SigningHelpers();

  public BlockBuilder(
      BeaconSchemas schemas,
      BeaconStateAccessors accessors,
      StateTransition transition,
      InteropSigner signer) {
    this.schemas = Objects.requireNonNull(schemas, "schemas");
    this.config = schemas.config();
    this.accessors = Objects.requireNonNull(accessors, "accessors");
    this.transition = Objects.requireNonNull(transition, "transition");
    this.signer = Objects.requireNonNull(signer, "signer");
  }

  /** The operations of a block body; deposits default to the head of the pending queue. */
  public static final class Body {
    public final List<ProposerSlashing> proposerSlashings = new ArrayList<>();
    public final List<AttesterSlashing> attesterSlashings = new ArrayList<>();
    public final List<Attestation> attestations = new ArrayList<>();
    public List<Deposit> deposits; // null: the queue's head, as many as allowed
    public final List<SignedVoluntaryExit> exits = new ArrayList<>();
    public final List<SignedShardBlockHeader> shardHeaders = new ArrayList<>();
    public final List<StakingReceiptProof> stakingReceipts = new ArrayList<>();
    public Bytes32 graffiti = Bytes32.ZERO;
  }

  /** A signed block at {@code slot} on top of {@code parentState}, with an empty body. */
  public SignedBeaconBlock build(BeaconState parentState, Slot slot) {
    return build(parentState, slot, new Body());
  }

  /** A signed, valid block at {@code slot} on top of {@code parentState}. */
  public SignedBeaconBlock build(BeaconState parentState, Slot slot, Body ops) {
    BeaconState preState = transition.processSlots(parentState, slot);
    BeaconBlock unsigned = unsigned(preState, ops);
    BeaconState post;
    try {
      post = transition.processBlock(preState, unsigned, BlsSignatureVerifier.noOp());
    } catch (BlockProcessingException e) {
      throw new IllegalStateException("Built an invalid block: " + e.getMessage(), e);
    }
    return sign(preState, unsigned.withStateRoot(post.hashTreeRoot()));
  }

  /** The block for {@code preState} (already at the block's slot), its state root zero. */
  public BeaconBlock unsigned(BeaconState preState, Body ops) {
    ValidatorIndex proposer = accessors.getBeaconProposerIndex(preState);
    Epoch epoch = accessors.getCurrentEpoch(preState);
    Bytes32 randaoRoot =
        signing.computeSigningRoot(
            SszTypes.EPOCH, epoch, accessors.getDomain(preState, config.domainRandao(), epoch));
    Bytes reveal = signer.sign(proposer, randaoRoot).toBytes();
    List<Deposit> deposits = ops.deposits != null ? ops.deposits : queuedDeposits(preState);
    BeaconBlockBody body =
        new BeaconBlockBody(
            reveal,
            ops.graffiti,
            ops.proposerSlashings,
            ops.attesterSlashings,
            ops.attestations,
            deposits,
            ops.exits,
            ops.shardHeaders,
            ops.stakingReceipts);
    return new BeaconBlock(
        preState.slot(), proposer, preState.latestBlockHeader().hashTreeRoot(), Bytes32.ZERO, body);
  }

  /** {@code block} signed by the validator it names, with the domain of {@code state}'s chain. */
  public SignedBeaconBlock sign(BeaconState state, BeaconBlock block) {
    Bytes32 domain =
        accessors.getDomain(
            state,
            config.domainBeaconProposer(),
            accessors.misc().computeEpochAtSlot(block.slot()));
    Bytes32 root = signing.computeSigningRoot(schemas.beaconBlock(), block, domain);
    return new SignedBeaconBlock(block, signer.sign(block.proposerIndex(), root).toBytes());
  }

  private List<Deposit> queuedDeposits(BeaconState state) {
    int count = (int) Math.min(config.maxDeposits(), state.pendingDeposits().size());
    List<Deposit> deposits = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      PendingDeposit pending = state.pendingDeposits().get(i);
      deposits.add(new Deposit(pending.toDepositData()));
    }
    return deposits;
  }
}
