package io.basalt.beacon.transition.block;

import static io.basalt.beacon.transition.BlockProcessingException.check;

import io.basalt.beacon.datastructures.shard.Crosslink;
import io.basalt.beacon.datastructures.shard.PendingShardHeader;
import io.basalt.beacon.datastructures.shard.ShardBlockHeader;
import io.basalt.beacon.datastructures.shard.SignedShardBlockHeader;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.MutableBeaconState;
import io.basalt.beacon.transition.BlockProcessingException;
import io.basalt.beacon.transition.InvalidBlockReason;
import io.basalt.beacon.transition.signatures.SignatureCheck;
import io.basalt.beacon.transition.signatures.SignatureSets;
import io.basalt.common.crypto.bls.BlsException;
import io.basalt.common.crypto.bls.BlsSignatureSet;
import io.basalt.common.ssz.view.ListView;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Registers a signed shard block header as a {@link PendingShardHeader} that attestations can vote
 * for. A header of shard {@code i} at slot {@code s} is accepted in a block at slot {@code t} when:
 *
 * <ol>
 *   <li>{@code i < SHARD_COUNT};
 *   <li>{@code s <= t}, and {@code s} is in the previous or current epoch (its committee exists and
 *       its pending list is kept);
 *   <li>{@code s} is after the slot of shard {@code i}'s latest crosslink;
 *   <li>the committee of {@code (s, i)} is not empty and the header's proposer is the shard
 *       proposer of {@code (s, i)};
 *   <li>its {@code beacon_block_root} is a block of this chain: the block root at one of the slots
 *       {@code s - SLOTS_PER_EPOCH .. s} (before {@code t}, so the parent of this block at the
 *       latest);
 *   <li>its {@code parent_root} is the shard's latest crosslink, or a header of the shard pending
 *       with a lower slot (registered earlier, possibly earlier in this block);
 *   <li>it is not pending already and fewer than {@code MAX_SHARD_HEADERS_PER_SHARD} headers are
 *       pending for {@code (s, i)};
 *   <li>its signature by the proposer ({@code DOMAIN_SHARD_PROPOSER}, epoch of {@code s}) is valid.
 * </ol>
 *
 * The entry goes to the current or previous epoch's list by the epoch of {@code s}, with no votes
 * and a bitlist sized to the committee of {@code (s, i)}.
 */
final class ShardHeaderProcessor {

  private final SpecConfig config;
  private final BeaconStateAccessors accessors;
  private final SignatureSets signatureSets;

  ShardHeaderProcessor(
      SpecConfig config, BeaconStateAccessors accessors, SignatureSets signatureSets) {
    this.config = config;
    this.accessors = accessors;
    this.signatureSets = signatureSets;
  }

  // spec: process_shard_header
  void processShardHeader(
      MutableBeaconState state, SignedShardBlockHeader signed, SignatureCheck signatures)
      throws BlockProcessingException {
    ShardBlockHeader header = signed.message();
    BeaconState snapshot = state.snapshot();
    int shard = header.shard().id();
    check(
        shard < config.shardCount(),
        InvalidBlockReason.SHARD_HEADER_SHARD_OUT_OF_RANGE,
        "Shard " + header.shard() + "; SHARD_COUNT is " + config.shardCount());
    Slot slot = header.slot();
    check(
        !slot.isAfter(snapshot.slot()),
        InvalidBlockReason.SHARD_HEADER_FUTURE_SLOT,
        "Header of slot " + slot + " in a block of slot " + snapshot.slot());
    Epoch epoch = accessors.misc().computeEpochAtSlot(slot);
    Epoch current = accessors.getCurrentEpoch(snapshot);
    check(
        !epoch.isBefore(accessors.getPreviousEpoch(snapshot)),
        InvalidBlockReason.SHARD_HEADER_TOO_OLD,
        "Header of epoch " + epoch + " in a block of epoch " + current);
    Crosslink latest = snapshot.latestCrosslinks().get(shard);
    check(
        slot.isAfter(latest.slot()),
        InvalidBlockReason.SHARD_HEADER_NOT_AFTER_CROSSLINK,
        "Header of slot "
            + slot
            + " is not after shard "
            + shard
            + "'s crosslink at "
            + latest.slot());
    List<ValidatorIndex> committee = accessors.getBeaconCommittee(snapshot, slot, header.shard());
    check(
        !committee.isEmpty(),
        InvalidBlockReason.SHARD_HEADER_NO_COMMITTEE,
        "Shard " + shard + " has no committee at slot " + slot);
    ValidatorIndex proposer = accessors.getShardProposerIndex(snapshot, slot, header.shard());
    check(
        header.proposerIndex().equals(proposer),
        InvalidBlockReason.SHARD_HEADER_PROPOSER_MISMATCH,
        "Header names proposer " + header.proposerIndex() + "; the shard proposer is " + proposer);
    check(
        isRecentBlockOfThisChain(snapshot, slot, header.beaconBlockRoot()),
        InvalidBlockReason.SHARD_HEADER_BEACON_ROOT_UNKNOWN,
        "Beacon block " + header.beaconBlockRoot() + " is not on this chain near slot " + slot);

    boolean currentEpoch = epoch.equals(current);
    List<PendingShardHeader> pending = new ArrayList<>();
    pending.addAll(snapshot.previousEpochPendingShardHeaders().toList());
    pending.addAll(snapshot.currentEpochPendingShardHeaders().toList());
    Bytes32 root = header.hashTreeRoot();
    boolean parentKnown = header.parentRoot().equals(latest.shardBlockRoot());
    int sameSlot = 0;
    for (PendingShardHeader entry : pending) {
      Crosslink other = entry.crosslink();
      check(
          !other.shardBlockRoot().equals(root),
          InvalidBlockReason.SHARD_HEADER_DUPLICATE,
          "Header " + root + " is already pending");
      if (other.shard().equals(header.shard())) {
        parentKnown |=
            other.shardBlockRoot().equals(header.parentRoot()) && other.slot().isBefore(slot);
        sameSlot += other.slot().equals(slot) ? 1 : 0;
      }
    }
    check(
        parentKnown,
        InvalidBlockReason.SHARD_HEADER_PARENT_UNKNOWN,
        "Parent " + header.parentRoot() + " is neither crosslinked nor pending for shard " + shard);
    check(
        sameSlot < BeaconSchemas.MAX_SHARD_HEADERS_PER_SHARD,
        InvalidBlockReason.SHARD_HEADER_TOO_MANY,
        sameSlot + " headers are already pending for shard " + shard + " at slot " + slot);

    BlsSignatureSet set;
    try {
      set = signatureSets.shardHeader(snapshot, signed);
    } catch (BlsException e) {
      throw new BlockProcessingException(
          InvalidBlockReason.SHARD_HEADER_SIGNATURE_INVALID, "Not a signature", e);
    }
    signatures.check(
        set,
        InvalidBlockReason.SHARD_HEADER_SIGNATURE_INVALID,
        "Header of shard " + shard + " at slot " + slot + " by " + proposer);

    PendingShardHeader entry = PendingShardHeader.unvoted(header.toCrosslink(), committee.size());
    if (currentEpoch) {
      state.setCurrentEpochPendingShardHeaders(
          append(state.currentEpochPendingShardHeaders(), entry));
    } else {
      state.setPreviousEpochPendingShardHeaders(
          append(state.previousEpochPendingShardHeaders(), entry));
    }
  }

  private static ListView<PendingShardHeader> append(
      ListView<PendingShardHeader> list, PendingShardHeader entry) throws BlockProcessingException {
    check(
        list.size() < list.schema().limit(),
        InvalidBlockReason.SHARD_HEADER_TOO_MANY,
        "The pending shard header list is full");
    return list.append(entry);
  }

  /**
   * Whether {@code root} is this chain's block root at a slot in {@code [slot - SLOTS_PER_EPOCH,
   * slot]}.
   */
  private boolean isRecentBlockOfThisChain(BeaconState state, Slot slot, Bytes32 root) {
    long newest = Math.min(slot.value().longValue(), state.slot().value().longValue() - 1);
    long oldest =
        Math.max(
            Math.max(0, slot.value().longValue() - config.slotsPerEpoch()),
            state.slot().value().longValue() - config.slotsPerHistoricalRoot());
    for (long s = newest; s >= oldest; s--) {
      if (accessors.getBlockRootAtSlot(state, Slot.of(s)).equals(root)) {
        return true;
      }
    }
    return false;
  }
}
