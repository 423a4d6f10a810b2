package io.basalt.node.validator.signing;

import io.basalt.beacon.datastructures.blocks.BeaconBlock;
import io.basalt.beacon.datastructures.operations.AggregateAndProof;
import io.basalt.beacon.datastructures.shard.ShardBlockHeader;
import io.basalt.beacon.helpers.AggregatorSelection;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.crypto.bls.Bls;
import io.basalt.common.crypto.bls.BlsSignature;
import io.basalt.common.ssz.SszTypes;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Slot;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.signing.SigningHelpers;
import io.basalt.consensus.types.AttestationData;
import io.basalt.consensus.types.Bytes4;
import io.basalt.node.validator.ValidatorMetrics;
import io.basalt.node.validator.duties.DutyKind;
import io.basalt.node.validator.keys.ValidatorKey;
import io.basalt.node.validator.slashing.SigningDecision;
import io.basalt.node.validator.slashing.SlashingProtection;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.tuweni.bytes.Bytes32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every signature the validator client makes. Slashable messages (beacon blocks, attestations,
 * shard blocks) are first checked and recorded by {@link SlashingProtection} under the exact
 * signing root that is then signed; a refusal (or a failure of the protection store) yields no
 * signature, a WARN line and a {@link ValidatorMetrics#signingRefused} count. Randao reveals,
 * selection proofs and aggregate-and-proof signatures cannot be slashed and are signed directly.
 * Domains come from the duty state, so the fork and {@code genesis_validators_root} are the
 * chain's.
 */
public final class ValidatorSigner {

  private static final Logger LOG = LoggerFactory.getLogger(ValidatorSigner.class);

  private final SpecConfig config;
  private final BeaconStateAccessors accessors;
  private final AggregatorSelection selection;
  private final SlashingProtection protection;
  private final ValidatorMetrics metrics;
  private final SigningHelpers signing = new SigningHelpers();

  public ValidatorSigner(
      SpecConfig config,
      BeaconStateAccessors accessors,
      SlashingProtection protection,
      ValidatorMetrics metrics) {
    this.config = config;
    this.accessors = accessors;
    this.selection = new AggregatorSelection(config, accessors);
    this.protection = protection;
    this.metrics = metrics;
  }

  /** The proposer's signature over {@code block} ({@code DOMAIN_BEACON_PROPOSER}), if safe. */
  public Optional<BlsSignature> signBlock(BeaconState state, ValidatorKey key, BeaconBlock block) {
    Bytes32 root = blockSigningRoot(state, block);
    return signIfSafe(
        DutyKind.BLOCK_PROPOSAL,
        key,
        root,
        () -> protection.checkAndRecordBlock(key.publicKey(), block.slot(), root),
        "block at slot " + block.slot());
  }

  /** The attester's signature over {@code data} ({@code DOMAIN_BEACON_ATTESTER}), if safe. */
  public Optional<BlsSignature> signAttestation(
      BeaconState state, ValidatorKey key, AttestationData data) {
    Bytes32 root = attestationSigningRoot(state, data);
    return signIfSafe(
        DutyKind.ATTESTATION,
        key,
        root,
        () ->
            protection.checkAndRecordAttestation(
                key.publicKey(), data.source().epoch(), data.target().epoch(), root),
        "attestation " + data.source().epoch() + " -> " + data.target().epoch());
  }

  /**
   * The proposer's signature over a shard block header ({@code DOMAIN_SHARD_PROPOSER}), if safe.
   */
  public Optional<BlsSignature> signShardHeader(
      BeaconState state, ValidatorKey key, ShardBlockHeader header) {
    Bytes32 root = shardHeaderSigningRoot(state, header);
    return signIfSafe(
        DutyKind.SHARD_PROPOSAL,
        key,
        root,
        () ->
            protection.checkAndRecordShardBlock(
                key.publicKey(), header.shard(), header.slot(), root),
        "shard " + header.shard() + " block at slot " + header.slot());
  }

  /** The randao reveal for {@code epoch}: the proposer's signature over the epoch. */
  public BlsSignature signRandaoReveal(BeaconState state, ValidatorKey key, Epoch epoch) {
    Bytes32 domain = accessors.getDomain(state, config.domainRandao(), epoch);
    return Bls.sign(key.secretKey(), signing.computeSigningRoot(SszTypes.EPOCH, epoch, domain));
  }

  /** The selection proof for {@code slot}: the member's signature over the slot. */
  // spec: get_slot_signature
  public BlsSignature signSelectionProof(BeaconState state, ValidatorKey key, Slot slot) {
    return Bls.sign(key.secretKey(), selection.selectionProofSigningRoot(state, slot));
  }

  /** The aggregator's signature over {@code message} ({@code DOMAIN_AGGREGATE_AND_PROOF}). */
  // spec: get_aggregate_and_proof_signature
  public BlsSignature signAggregateAndProof(
      BeaconState state, ValidatorKey key, AggregateAndProof message) {
    return Bls.sign(key.secretKey(), aggregateAndProofSigningRoot(state, message));
  }

  public Bytes32 blockSigningRoot(BeaconState state, BeaconBlock block) {
    Bytes32 domain = domain(state, config.domainBeaconProposer(), block.slot());
    return signing.computeSigningRoot(state.schemas().beaconBlock(), block, domain);
  }

  public Bytes32 attestationSigningRoot(BeaconState state, AttestationData data) {
    Bytes32 domain =
        accessors.getDomain(state, config.domainBeaconAttester(), data.target().epoch());
    return signing.computeSigningRoot(data.hashTreeRoot(), domain);
  }

  public Bytes32 shardHeaderSigningRoot(BeaconState state, ShardBlockHeader header) {
    Bytes32 domain = domain(state, config.domainShardProposer(), header.slot());
    return signing.computeSigningRoot(header.hashTreeRoot(), domain);
  }

  public Bytes32 aggregateAndProofSigningRoot(BeaconState state, AggregateAndProof message) {
    Bytes32 domain =
        domain(state, config.domainAggregateAndProof(), message.aggregate().data().slot());
    return signing.computeSigningRoot(state.schemas().aggregateAndProof(), message, domain);
  }

  private Bytes32 domain(BeaconState state, Bytes4 type, Slot slot) {
    return accessors.getDomain(state, type, accessors.misc().computeEpochAtSlot(slot));
  }

  private Optional<BlsSignature> signIfSafe(
      DutyKind kind,
      ValidatorKey key,
      Bytes32 signingRoot,
      Supplier<SigningDecision> check,
      String what) {
    SigningDecision decision;
    try {
      decision = check.get();
    } catch (RuntimeException e) {
      // A store we cannot read or write cannot vouch for the message: never sign blind.
      decision = new SigningDecision.Refused("slashing protection failed: " + e.getMessage());
    }
    if (decision instanceof SigningDecision.Refused refused) {
      LOG.warn("Refused to sign {} for validator {}: {}", what, key.publicKey(), refused.reason());
      metrics.signingRefused(kind);
      return Optional.empty();
    }
    return Optional.of(Bls.sign(key.secretKey(), signingRoot));
  }
}
