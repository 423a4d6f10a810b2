package io.basalt.beacon.chain.imports;

import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A gossip-verified block whose every other signature (RANDAO reveal, attestations, slashings,
 * exits, shard headers) verified in one batch. Only {@link BlockImportPipeline#verifySignatures}
 * creates one; the import stage runs the state transition with signature checks off.
 */
public final class SignatureVerifiedBlock {

  private final GossipVerifiedBlock gossipVerified;

  SignatureVerifiedBlock(GossipVerifiedBlock gossipVerified) {
    this.gossipVerified = gossipVerified;
  }

  public SignedBeaconBlock block() {
    return gossipVerified.block();
  }

  public Bytes32 root() {
    return gossipVerified.root();
  }

  GossipVerifiedBlock gossipVerified() {
    return gossipVerified;
  }
}
