package io.basalt.beacon.helpers;

import io.basalt.beacon.state.BeaconState;
import io.basalt.common.crypto.Hash;
import io.basalt.common.ssz.SszTypes;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.signing.SigningHelpers;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Which committee members aggregate: each member signs the slot (its selection proof), and the hash
 * of that signature selects about {@code TARGET_AGGREGATORS_PER_COMMITTEE} of them, as in phase0's
 * validator guide. Nobody can predict or bias the selection without the members' keys, and anyone
 * can check a claimed selection against the proof. Pure and thread-safe.
 */
public final class AggregatorSelection {

  private final SpecConfig config;
  private final BeaconStateAccessors accessors;
  private final SigningHelpers signing = new SigningHelpers();

  public AggregatorSelection(SpecConfig config, BeaconStateAccessors accessors) {
    this.config = config;
    this.accessors = accessors;
  }

  /** What a member signs as its selection proof for {@code slot}. */
  // spec: get_slot_signature (signing root part)
  public Bytes32 selectionProofSigningRoot(BeaconState state, Slot slot) {
    Bytes32 domain =
        accessors.getDomain(
            state, config.domainSelectionProof(), accessors.misc().computeEpochAtSlot(slot));
    return signing.computeSigningRoot(SszTypes.SLOT, slot, domain);
  }

  /** Whether the member whose selection proof is {@code slotSignature} aggregates its committee. */
  // spec: is_aggregator
  public boolean isAggregator(BeaconState state, Slot slot, ShardId shard, Bytes slotSignature) {
    List<?> committee = accessors.getBeaconCommittee(state, slot, shard);
    return isAggregator(committee.size(), slotSignature);
  }

  /** {@link #isAggregator} for a committee of {@code committeeSize} members. */
  public boolean isAggregator(int committeeSize, Bytes slotSignature) {
    long modulo = Math.max(1, committeeSize / config.targetAggregatorsPerCommittee());
    long value = Hash.sha256(slotSignature).slice(0, 8).toLong(java.nio.ByteOrder.LITTLE_ENDIAN);
    return Long.remainderUnsigned(value, modulo) == 0;
  }
}
