package io.basalt.node.validator.duties;

import io.basalt.beacon.state.BeaconState;
import io.basalt.common.crypto.bls.BlsSignature;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.node.validator.keys.ValidatorKey;
import io.basalt.shard.datastructures.ShardBlock;
import io.basalt.shard.datastructures.SignedShardBlock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shard block proposals at slot start, after the beacon proposal: for each shard whose proposer at
 * the slot is ours, the node builds a block on its shard head; we sign its header ({@code
 * DOMAIN_SHARD_PROPOSER}) behind slashing protection and publish it.
 */
public final class ShardProposalDuty {

  private static final Logger LOG = LoggerFactory.getLogger(ShardProposalDuty.class);

  private final DutyContext context;

  public ShardProposalDuty(DutyContext context) {
    this.context = context;
  }

  public void perform(Slot slot, BeaconState state, boolean synced) {
    int shardCount = context.api().config().shardCount();
    for (int shard = 0; shard < shardCount; shard++) {
      ShardId id = ShardId.of(shard);
      if (context.accessors().getBeaconCommittee(state, slot, id).isEmpty()) {
        continue; // no committee, no proposer: the shard rules accept no block here
      }
      ValidatorIndex proposer = context.accessors().getShardProposerIndex(state, slot, id);
      context
          .validators()
          .key(proposer)
          .ifPresent(key -> propose(slot, id, proposer, key, state, synced));
    }
  }

  private void propose(
      Slot slot,
      ShardId shard,
      ValidatorIndex proposer,
      ValidatorKey key,
      BeaconState state,
      boolean synced) {
    if (!synced || !context.api().isShardSynced(shard)) {
      LOG.info("Missed shard {} proposal at slot {}: node is syncing", shard, slot);
      context.metrics().dutyMissed(DutyKind.SHARD_PROPOSAL);
      return;
    }
    Optional<ShardBlock> block = context.api().produceShardBlock(shard, slot, proposer);
    if (block.isEmpty()) {
      LOG.info("Missed shard {} proposal at slot {}: node built no block", shard, slot);
      context.metrics().dutyMissed(DutyKind.SHARD_PROPOSAL);
      return;
    }
    var header = block.get().header();
    if (!header.shard().equals(shard)
        || !header.slot().equals(slot)
        || !header.proposerIndex().equals(proposer)) {
      LOG.warn(
          "Missed shard {} proposal at slot {}: node built a block for shard {} slot {} by {}",
          shard,
          slot,
          header.shard(),
          header.slot(),
          header.proposerIndex());
      context.metrics().dutyMissed(DutyKind.SHARD_PROPOSAL);
      return;
    }
    Optional<BlsSignature> signature = context.signer().signShardHeader(state, key, header);
    if (signature.isEmpty()) {
      context.metrics().dutyMissed(DutyKind.SHARD_PROPOSAL);
      return;
    }
    context.api().publishShardBlock(new SignedShardBlock(block.get(), signature.get().toBytes()));
    context.metrics().dutyPerformed(DutyKind.SHARD_PROPOSAL);
  }
}
