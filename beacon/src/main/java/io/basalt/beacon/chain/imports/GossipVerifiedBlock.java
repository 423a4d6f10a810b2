package io.basalt.beacon.chain.imports;

import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.state.BeaconState;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A block that passed the cheap gossip checks and whose proposer signature verified. Only {@link
 * BlockImportPipeline#gossipVerify} creates one. It carries the parent's post-state advanced to the
 * block's slot, so later stages need not compute it again.
 */
public final class GossipVerifiedBlock {

  private final SignedBeaconBlock block;
  private final Bytes32 root;
  private final BeaconState stateAtSlot;
  private final long arrivalMillis;

  GossipVerifiedBlock(
      SignedBeaconBlock block, Bytes32 root, BeaconState stateAtSlot, long arrivalMillis) {
    this.block = block;
    this.root = root;
    this.stateAtSlot = stateAtSlot;
    this.arrivalMillis = arrivalMillis;
  }

  public SignedBeaconBlock block() {
    return block;
  }

  public Bytes32 root() {
    return root;
  }

  /** The parent's post-state advanced through the empty slots up to the block's slot. */
  BeaconState stateAtSlot() {
    return stateAtSlot;
  }

  /** When the block reached the pipeline, in Unix milliseconds (for proposer boost). */
  public long arrivalMillis() {
    return arrivalMillis;
  }
}
