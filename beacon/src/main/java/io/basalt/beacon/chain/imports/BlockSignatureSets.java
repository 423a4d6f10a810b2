package io.basalt.beacon.chain.imports;

import io.basalt.beacon.datastructures.blocks.BeaconBlock;
import io.basalt.beacon.datastructures.blocks.BeaconBlockBody;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.datastructures.operations.AttesterSlashing;
import io.basalt.beacon.datastructures.operations.ProposerSlashing;
import io.basalt.beacon.datastructures.operations.SignedVoluntaryExit;
import io.basalt.beacon.datastructures.shard.SignedShardBlockHeader;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.transition.signatures.SignatureSets;
import io.basalt.common.crypto.bls.BlsException;
import io.basalt.common.crypto.bls.BlsSignatureSet;
import io.basalt.consensus.types.Attestation;
import io.basalt.consensus.types.IndexedAttestation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The signature sets of a block as the import pipeline checks them: the proposer's alone at the
 * gossip stage, every other one — RANDAO reveal, proposer and attester slashings, attestations,
 * voluntary exits, shard headers — in one batch. The sets themselves come from the protocol's
 * {@link SignatureSets}, so block processing and the pipeline sign-check the same messages.
 * Deposits are not here: an invalid proof of possession skips the deposit instead of invalidating
 * the block, so block processing checks each one itself.
 *
 * <p>All sets are built on the parent's post-state advanced to the block's slot. Thread-safe.
 */
public final class BlockSignatureSets {

  private final BeaconStateAccessors accessors;
  private final SignatureSets sets;

  public BlockSignatureSets(BeaconStateAccessors accessors, SignatureSets sets) {
    this.accessors = accessors;
    this.sets = sets;
  }

  // spec: verify_block_signature
  public BlsSignatureSet proposer(BeaconState state, SignedBeaconBlock signed)
      throws SignatureSetException {
    return build(() -> sets.blockProposal(state, signed.message(), signed.signature()), "block");
  }

  /** Every signature of the body except deposits. */
  public List<BlsSignatureSet> body(BeaconState state, BeaconBlock block)
      throws SignatureSetException {
    BeaconBlockBody body = block.body();
    List<BlsSignatureSet> result = new ArrayList<>();
    result.add(build(() -> sets.randaoReveal(state, block), "RANDAO reveal"));
    for (ProposerSlashing slashing : body.proposerSlashings()) {
      result.add(build(() -> sets.blockHeader(state, slashing.signedHeader1()), "slashing header"));
      result.add(build(() -> sets.blockHeader(state, slashing.signedHeader2()), "slashing header"));
    }
    for (AttesterSlashing slashing : body.attesterSlashings()) {
      result.add(indexed(state, slashing.attestation1()));
      result.add(indexed(state, slashing.attestation2()));
    }
    for (Attestation attestation : body.attestations()) {
      IndexedAttestation indexed =
          build(() -> accessors.getIndexedAttestation(state, attestation), "attestation");
      result.add(indexed(state, indexed));
    }
    for (SignedVoluntaryExit exit : body.voluntaryExits()) {
      result.add(build(() -> sets.voluntaryExit(state, exit), "voluntary exit"));
    }
    for (SignedShardBlockHeader header : body.shardHeaders()) {
      result.add(build(() -> sets.shardHeader(state, header), "shard header"));
    }
    return result;
  }

  private BlsSignatureSet indexed(BeaconState state, IndexedAttestation attestation)
      throws SignatureSetException {
    if (attestation.attestingIndices().isEmpty()) {
      throw new SignatureSetException("Attestation has no attesting validator");
    }
    return build(() -> sets.indexedAttestation(state, attestation), "attestation");
  }

  /**
   * Runs a builder, turning what it throws for malformed content (an index outside the registry or
   * a committee, bytes that are no curve point) into a {@link SignatureSetException}.
   */
  private static <T> T build(Supplier<T> builder, String what) throws SignatureSetException {
    try {
      return builder.get();
    } catch (IllegalArgumentException | IndexOutOfBoundsException | BlsException e) {
      throw new SignatureSetException("Invalid " + what + ": " + e.getMessage());
    }
  }
}
