package io.basalt.beacon.transition.signatures;

import io.basalt.beacon.datastructures.blocks.BeaconBlock;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlockHeader;
import io.basalt.beacon.datastructures.operations.DepositData;
import io.basalt.beacon.datastructures.operations.SignedVoluntaryExit;
import io.basalt.beacon.datastructures.shard.ShardBlockHeader;
import io.basalt.beacon.datastructures.shard.SignedShardBlockHeader;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.crypto.bls.BlsPublicKey;
import io.basalt.common.crypto.bls.BlsSignature;
import io.basalt.common.crypto.bls.BlsSignatureSet;
import io.basalt.common.ssz.SszTypes;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.signing.SigningHelpers;
import io.basalt.consensus.types.AttestationData;
import io.basalt.consensus.types.IndexedAttestation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Builds the signature set of each signed beacon object without verifying it (after Lighthouse's
 * {@code signature_sets.rs}): block processing hands the sets to its verifier, gossip validation to
 * its batching service. Each method expects the structural checks of its operation done (indices in
 * the registry, epochs with committees), so it only reads keys and computes the signing root.
 * Thread-safe.
 *
 * <p>Every method throws {@link io.basalt.common.crypto.bls.InvalidBlsEncodingException} when the
 * signature bytes are not a point on the G2 curve (a signature that cannot verify).
 */
public final class SignatureSets {

  private final SpecConfig config;
  private final BeaconSchemas schemas;
  private final BeaconStateAccessors accessors;
  private final PubkeyCache pubkeys;
  private final SigningHelpers signing = new SigningHelpers();
  private final Bytes32 depositDomain;

  public SignatureSets(BeaconSchemas schemas, BeaconStateAccessors accessors, PubkeyCache pubkeys) {
    this.schemas = Objects.requireNonNull(schemas, "schemas");
    this.config = schemas.config();
    this.accessors = Objects.requireNonNull(accessors, "accessors");
    this.pubkeys = Objects.requireNonNull(pubkeys, "pubkeys");
    this.depositDomain =
        signing.computeDomain(config.domainDeposit(), config.genesisForkVersion(), Bytes32.ZERO);
  }

  public PubkeyCache pubkeys() {
    return pubkeys;
  }

  /** The proposer's signature over the block ({@code DOMAIN_BEACON_PROPOSER}, block epoch). */
  // spec: verify_block_signature
  public BlsSignatureSet blockProposal(BeaconState state, BeaconBlock block, Bytes signature) {
    Bytes32 domain =
        accessors.getDomain(
            state,
            config.domainBeaconProposer(),
            accessors.misc().computeEpochAtSlot(block.slot()));
    Bytes32 root = signing.computeSigningRoot(schemas.beaconBlock(), block, domain);
    return single(state, block.proposerIndex(), root, signature);
  }

  /** The RANDAO reveal: the proposer's signature over the current epoch ({@code DOMAIN_RANDAO}). */
  // spec: process_randao (signature part)
  public BlsSignatureSet randaoReveal(BeaconState state, BeaconBlock block) {
    Epoch epoch = accessors.getCurrentEpoch(state);
    Bytes32 domain = accessors.getDomain(state, config.domainRandao(), epoch);
    Bytes32 root = signing.computeSigningRoot(SszTypes.EPOCH, epoch, domain);
    return single(state, block.proposerIndex(), root, block.body().randaoReveal());
  }

  /** One header of a proposer slashing, signed by its proposer at the header's epoch. */
  public BlsSignatureSet blockHeader(BeaconState state, SignedBeaconBlockHeader header) {
    Bytes32 domain =
        accessors.getDomain(
            state,
            config.domainBeaconProposer(),
            accessors.misc().computeEpochAtSlot(header.message().slot()));
    Bytes32 root = signing.computeSigningRoot(header.message().hashTreeRoot(), domain);
    return single(state, header.message().proposerIndex(), root, header.signature());
  }

  /**
   * An indexed attestation (an attester slashing's half): FastAggregateVerify over its attesters'
   * cached keys ({@code DOMAIN_BEACON_ATTESTER} at the target epoch).
   */
  // spec: is_valid_indexed_attestation (signature part)
  public BlsSignatureSet indexedAttestation(BeaconState state, IndexedAttestation attestation) {
    return attestation(
        state, attestation.data(), attestation.attestingIndices(), attestation.signature());
  }

  /**
   * An aggregate attestation of {@code attesters} (from its aggregation bits) over {@code data}.
   */
  public BlsSignatureSet attestation(
      BeaconState state, AttestationData data, List<ValidatorIndex> attesters, Bytes signature) {
    List<BlsPublicKey> keys = new ArrayList<>(attesters.size());
    for (ValidatorIndex attester : attesters) {
      keys.add(pubkeys.get(state, attester));
    }
    Bytes32 domain =
        accessors.getDomain(state, config.domainBeaconAttester(), data.target().epoch());
    Bytes32 root = signing.computeSigningRoot(data.hashTreeRoot(), domain);
    return BlsSignatureSet.aggregate(keys, root, BlsSignature.fromBytes(signature));
  }

  /** A voluntary exit ({@code DOMAIN_VOLUNTARY_EXIT} at the exit's epoch). */
  public BlsSignatureSet voluntaryExit(BeaconState state, SignedVoluntaryExit exit) {
    Bytes32 domain =
        accessors.getDomain(state, config.domainVoluntaryExit(), exit.message().epoch());
    Bytes32 root = signing.computeSigningRoot(exit.message().hashTreeRoot(), domain);
    return single(state, exit.message().validatorIndex(), root, exit.signature());
  }

  /** A shard block header, signed by its shard proposer ({@code DOMAIN_SHARD_PROPOSER}). */
  public BlsSignatureSet shardHeader(BeaconState state, SignedShardBlockHeader signed) {
    ShardBlockHeader header = signed.message();
    Bytes32 domain =
        accessors.getDomain(
            state,
            config.domainShardProposer(),
            accessors.misc().computeEpochAtSlot(header.slot()));
    Bytes32 root = signing.computeSigningRoot(header.hashTreeRoot(), domain);
    return single(state, header.proposerIndex(), root, signed.signature());
  }

  /**
   * A deposit's proof of possession: the deposited key's signature over its {@code DepositMessage}
   * with the fork-independent deposit domain. The key comes from the deposit, not the registry.
   *
   * @throws io.basalt.common.crypto.bls.InvalidBlsEncodingException also for an invalid key
   */
  public BlsSignatureSet depositProofOfPossession(DepositData deposit) {
    Bytes32 root = signing.computeSigningRoot(deposit.message().hashTreeRoot(), depositDomain);
    return BlsSignatureSet.single(
        BlsPublicKey.fromBytes(deposit.pubkey()),
        root,
        BlsSignature.fromBytes(deposit.signature()));
  }

  private BlsSignatureSet single(
      BeaconState state, ValidatorIndex signer, Bytes32 signingRoot, Bytes signature) {
    return BlsSignatureSet.single(
        pubkeys.get(state, signer), signingRoot, BlsSignature.fromBytes(signature));
  }
}
