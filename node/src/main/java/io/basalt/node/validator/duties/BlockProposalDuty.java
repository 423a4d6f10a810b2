package io.basalt.node.validator.duties;

import io.basalt.beacon.chain.production.BlockProductionException;
import io.basalt.beacon.datastructures.blocks.BeaconBlock;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.crypto.bls.BlsSignature;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.node.validator.keys.ValidatorKey;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The beacon block proposal at slot start: if the slot's proposer is ours, sign a randao reveal,
 * have the node build the block on its head, sign it behind slashing protection and publish it.
 */
public final class BlockProposalDuty {

  private static final Logger LOG = LoggerFactory.getLogger(BlockProposalDuty.class);

  private final DutyContext context;
  private final Bytes32 graffiti;

  public BlockProposalDuty(DutyContext context, Bytes32 graffiti) {
    this.context = context;
    this.graffiti = graffiti;
  }

  /** Proposes at {@code slot} if ours; {@code state} is the duty state at {@code slot}. */
  public void perform(Slot slot, BeaconState state, boolean synced) {
    ValidatorIndex proposer = context.accessors().getBeaconProposerIndex(state);
    Optional<ValidatorKey> key = context.validators().key(proposer);
    if (key.isEmpty()) {
      return;
    }
    if (!synced) {
      LOG.info("Missed block proposal of validator {} at slot {}: node is syncing", proposer, slot);
      context.metrics().dutyMissed(DutyKind.BLOCK_PROPOSAL);
      return;
    }
    Epoch epoch = context.accessors().misc().computeEpochAtSlot(slot);
    BlsSignature reveal = context.signer().signRandaoReveal(state, key.get(), epoch);
    BeaconBlock block;
    try {
      block = context.api().produceBlock(slot, proposer, reveal.toBytes(), graffiti);
    } catch (BlockProductionException e) {
      LOG.warn("Missed block proposal at slot {}: {}", slot, e.getMessage());
      context.metrics().dutyMissed(DutyKind.BLOCK_PROPOSAL);
      return;
    }
    if (!block.slot().equals(slot) || !block.proposerIndex().equals(proposer)) {
      // Never sign what we did not ask for, whatever the node returned.
      LOG.warn(
          "Missed block proposal at slot {}: node built a block for slot {} by {}",
          slot,
          block.slot(),
          block.proposerIndex());
      context.metrics().dutyMissed(DutyKind.BLOCK_PROPOSAL);
      return;
    }
    Optional<BlsSignature> signature = context.signer().signBlock(state, key.get(), block);
    if (signature.isEmpty()) {
      context.metrics().dutyMissed(DutyKind.BLOCK_PROPOSAL);
      return;
    }
    context.api().publishBlock(new SignedBeaconBlock(block, signature.get().toBytes()));
    context.metrics().dutyPerformed(DutyKind.BLOCK_PROPOSAL);
    LOG.info("Proposed block at slot {} by validator {}", slot, proposer);
  }
}
