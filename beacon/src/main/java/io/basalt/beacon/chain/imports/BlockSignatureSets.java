package io.basalt.beacon.chain.imports;

import io.basalt.beacon.datastructures.blocks.BeaconBlock;
import io.basalt.beacon.datastructures.blocks.BeaconBlockBody;
import io.basalt.beacon.datastructures.blocks.BeaconBlockHeader;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlockHeader;
import io.basalt.beacon.datastructures.operations.AttesterSlashing;
import io.basalt.beacon.datastructures.operations.ProposerSlashing;
import io.basalt.beacon.datastructures.operations.SignedVoluntaryExit;
import io.basalt.beacon.datastructures.operations.VoluntaryExit;
import io.basalt.beacon.datastructures.shard.ShardBlockHeader;
import io.basalt.beacon.datastructures.shard.SignedShardBlockHeader;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.crypto.bls.BlsException;
import io.basalt.common.crypto.bls.BlsPublicKey;
import io.basalt.common.crypto.bls.BlsSignature;
import io.basalt.common.crypto.bls.BlsSignatureSet;
import io.basalt.common.ssz.SszTypes;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.signing.SigningHelpers;
import io.basalt.consensus.types.Attestation;
import io.basalt.consensus.types.AttestationData;
import io.basalt.consensus.types.IndexedAttestation;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Builds the signature sets of a block apart from verifying them (Lighthouse {@code
 * signature_sets.rs}): the proposer's, checked alone at the gossip stage, and every other one —
 * RANDAO reveal, attestations, proposer and attester slashings, voluntary exits, shard headers —
 * checked in one batch. Deposits are not here: an invalid proof of possession skips the deposit
 * instead of invalidating the block, so block processing checks it itself.
 *
 * <p>All sets are built on the parent's post-state advanced to the block's slot. Thread-safe.
 */
public final class BlockSignatureSets {

  private final SpecConfig config;
  private final BeaconSchemas schemas;
  private final BeaconStateAccessors accessors;
  private final PubkeyCache pubkeys;
  private final SigningHelpers signing = new SigningHelpers();

  public BlockSignatureSets(
      BeaconSchemas schemas, BeaconStateAccessors accessors, PubkeyCache pubkeys) {
    this.schemas = schemas;
    this.config = schemas.config();
    this.accessors = accessors;
    this.pubkeys = pubkeys;
  }

  // spec: verify_block_signature
  public BlsSignatureSet proposer(BeaconState state, SignedBeaconBlock signed)
      throws SignatureSetException {
    BeaconBlock block = signed.message();
    Bytes32 domain = domain(state, config.domainBeaconProposer(), epochOf(block));
    return set(
        key(state, block.proposerIndex()),
        signing.computeSigningRoot(schemas.beaconBlock(), block, domain),
        signed.signature(),
        "block");
  }

  /** Every signature of the body except deposits. */
  public List<BlsSignatureSet> body(BeaconState state, BeaconBlock block)
      throws SignatureSetException {
    BeaconBlockBody body = block.body();
    List<BlsSignatureSet> sets = new ArrayList<>();
    Epoch epoch = epochOf(block);
    sets.add(
        set(
            key(state, block.proposerIndex()),
            signing.computeSigningRoot(
                SszTypes.EPOCH, epoch, domain(state, config.domainRandao(), epoch)),
            body.randaoReveal(),
            "RANDAO reveal"));
    for (ProposerSlashing slashing : body.proposerSlashings()) {
      sets.add(header(state, slashing.signedHeader1()));
      sets.add(header(state, slashing.signedHeader2()));
    }
    for (AttesterSlashing slashing : body.attesterSlashings()) {
      sets.add(indexed(state, slashing.attestation1()));
      sets.add(indexed(state, slashing.attestation2()));
    }
    for (Attestation attestation : body.attestations()) {
      IndexedAttestation indexed;
      try {
        indexed = accessors.getIndexedAttestation(state, attestation);
      } catch (IllegalArgumentException e) {
        throw new SignatureSetException("Attestation has no valid committee: " + e.getMessage());
      }
      sets.add(indexed(state, indexed));
    }
    for (SignedVoluntaryExit exit : body.voluntaryExits()) {
      VoluntaryExit message = exit.message();
      Bytes32 domain = domain(state, config.domainVoluntaryExit(), message.epoch());
      sets.add(
          set(
              key(state, message.validatorIndex()),
              signing.computeSigningRoot(VoluntaryExit.SSZ, message, domain),
              exit.signature(),
              "voluntary exit"));
    }
    for (SignedShardBlockHeader signedHeader : body.shardHeaders()) {
      ShardBlockHeader header = signedHeader.message();
      Bytes32 domain =
          domain(
              state,
              config.domainShardProposer(),
              accessors.misc().computeEpochAtSlot(header.slot()));
      sets.add(
          set(
              key(state, header.proposerIndex()),
              signing.computeSigningRoot(ShardBlockHeader.SSZ, header, domain),
              signedHeader.signature(),
              "shard header"));
    }
    return sets;
  }

  private BlsSignatureSet header(BeaconState state, SignedBeaconBlockHeader signed)
      throws SignatureSetException {
    BeaconBlockHeader header = signed.message();
    Bytes32 domain =
        domain(
            state,
            config.domainBeaconProposer(),
            accessors.misc().computeEpochAtSlot(header.slot()));
    return set(
        key(state, header.proposerIndex()),
        signing.computeSigningRoot(BeaconBlockHeader.SSZ, header, domain),
        signed.signature(),
        "slashing header");
  }

  private BlsSignatureSet indexed(BeaconState state, IndexedAttestation attestation)
      throws SignatureSetException {
    if (attestation.attestingIndices().isEmpty()) {
      throw new SignatureSetException("Attestation has no attesting validator");
    }
    List<BlsPublicKey> keys = new ArrayList<>(attestation.attestingIndices().size());
    for (ValidatorIndex index : attestation.attestingIndices()) {
      keys.add(key(state, index));
    }
    AttestationData data = attestation.data();
    Bytes32 domain = domain(state, config.domainBeaconAttester(), data.target().epoch());
    return new BlsSignatureSet(
        keys,
        signing.computeSigningRoot(AttestationData.SSZ, data, domain),
        signature(attestation.signature(), "attestation"));
  }

  private BlsSignatureSet set(BlsPublicKey key, Bytes32 message, Bytes signature, String what)
      throws SignatureSetException {
    return BlsSignatureSet.single(key, message, signature(signature, what));
  }

  private static BlsSignature signature(Bytes bytes, String what) throws SignatureSetException {
    try {
      return BlsSignature.fromBytes(bytes);
    } catch (BlsException e) {
      throw new SignatureSetException("Invalid " + what + " signature encoding: " + e.getMessage());
    }
  }

  private BlsPublicKey key(BeaconState state, ValidatorIndex index) throws SignatureSetException {
    return pubkeys
        .get(state, index)
        .orElseThrow(() -> new SignatureSetException("No valid public key for validator " + index));
  }

  private Bytes32 domain(BeaconState state, io.basalt.consensus.types.Bytes4 type, Epoch epoch) {
    return accessors.getDomain(state, type, epoch);
  }

  private Epoch epochOf(BeaconBlock block) {
    return accessors.misc().computeEpochAtSlot(block.slot());
  }
}
