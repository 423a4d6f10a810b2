package io.basalt.beacon.transition.block;

import static io.basalt.beacon.transition.BlockProcessingException.check;

import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.MutableBeaconState;
import io.basalt.beacon.state.ParticipationFlags;
import io.basalt.beacon.transition.BlockProcessingException;
import io.basalt.beacon.transition.InvalidBlockReason;
import io.basalt.beacon.transition.signatures.SignatureCheck;
import io.basalt.beacon.transition.signatures.SignatureSets;
import io.basalt.common.crypto.bls.BlsException;
import io.basalt.common.crypto.bls.BlsSignatureSet;
import io.basalt.common.ssz.Bits;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.helpers.MiscHelpers;
import io.basalt.consensus.types.Attestation;
import io.basalt.consensus.types.AttestationData;
import io.basalt.consensus.types.Checkpoint;
import java.util.ArrayList;
import java.util.List;

/**
 * Altair's {@code process_attestation} plus Basalt's crosslink vote. The participation flags of a
 * block's attestations are gathered in an {@link AttestationBatch} and written to the state once at
 * the end, instead of one tree path-copy per attester.
 */
final class AttestationProcessor {

  /** The flag weights, indexed by flag: source, target, head. */
  private static final int[] FLAG_WEIGHTS = {
    ParticipationFlags.TIMELY_SOURCE_WEIGHT,
    ParticipationFlags.TIMELY_TARGET_WEIGHT,
    ParticipationFlags.TIMELY_HEAD_WEIGHT
  };

  private static final long PROPOSER_REWARD_DENOMINATOR =
      (long) (ParticipationFlags.WEIGHT_DENOMINATOR - ParticipationFlags.PROPOSER_WEIGHT)
          * ParticipationFlags.WEIGHT_DENOMINATOR
          / ParticipationFlags.PROPOSER_WEIGHT;

  private final SpecConfig config;
  private final BeaconSchemas schemas;
  private final BeaconStateAccessors accessors;
  private final SignatureSets signatureSets;
  private final CrosslinkVotes crosslinkVotes;
  private final long sqrtSlotsPerEpoch;
  private final EpochBalances epochBalances;

  AttestationProcessor(
      BeaconSchemas schemas, BeaconStateAccessors accessors, SignatureSets signatureSets) {
    this.schemas = schemas;
    this.config = schemas.config();
    this.accessors = accessors;
    this.signatureSets = signatureSets;
    this.crosslinkVotes = new CrosslinkVotes(config);
    this.sqrtSlotsPerEpoch = MiscHelpers.integerSquareRoot(config.slotsPerEpoch());
    this.epochBalances = new EpochBalances(config, accessors);
  }

  /** A batch for the attestations of one block, read from {@code state}. */
  AttestationBatch newBatch(BeaconState state) {
    return new AttestationBatch(config, schemas, accessors, epochBalances, state);
  }

  // spec: process_attestation
  void process(
      MutableBeaconState state,
      Attestation attestation,
      SignatureCheck signatures,
      AttestationBatch batch)
      throws BlockProcessingException {
    AttestationData data = attestation.data();
    BeaconState snapshot = state.snapshot();
    Epoch current = accessors.getCurrentEpoch(snapshot);
    Epoch previous = accessors.getPreviousEpoch(snapshot);
    Epoch target = data.target().epoch();
    check(
        data.shard().id() < config.shardCount(),
        InvalidBlockReason.ATTESTATION_SHARD_OUT_OF_RANGE,
        "Attestation for shard " + data.shard() + "; SHARD_COUNT is " + config.shardCount());
    check(
        !target.isBefore(previous),
        InvalidBlockReason.ATTESTATION_TOO_OLD,
        "Target epoch " + target + " is before the previous epoch " + previous);
    check(
        !target.isAfter(current),
        InvalidBlockReason.ATTESTATION_TOO_EARLY,
        "Target epoch " + target + " is after the current epoch " + current);
    check(
        target.equals(accessors.misc().computeEpochAtSlot(data.slot())),
        InvalidBlockReason.ATTESTATION_TARGET_MISMATCH,
        "Target epoch " + target + " is not the epoch of slot " + data.slot());
    Slot slot = snapshot.slot();
    check(
        !data.slot().plus(config.minAttestationInclusionDelay().value().longValue()).isAfter(slot),
        InvalidBlockReason.ATTESTATION_TOO_EARLY,
        "Attestation of slot " + data.slot() + " cannot be included at slot " + slot);
    check(
        !slot.isAfter(data.slot().plus(config.slotsPerEpoch())),
        InvalidBlockReason.ATTESTATION_TOO_OLD,
        "Attestation of slot " + data.slot() + " is too old for slot " + slot);
    List<ValidatorIndex> committee =
        accessors.getBeaconCommittee(snapshot, data.slot(), data.shard());
    Bits bits = attestation.aggregationBits();
    check(
        bits.size() == committee.size(),
        InvalidBlockReason.ATTESTATION_BITS_LENGTH_MISMATCH,
        bits.size() + " aggregation bits for a committee of " + committee.size());
    boolean currentTarget = target.equals(current);
    Checkpoint justified =
        currentTarget
            ? snapshot.currentJustifiedCheckpoint()
            : snapshot.previousJustifiedCheckpoint();
    check(
        data.source().equals(justified),
        InvalidBlockReason.ATTESTATION_SOURCE_MISMATCH,
        "Source " + data.source() + " is not the justified checkpoint " + justified);
    List<ValidatorIndex> attesters = new ArrayList<>(bits.bitCount());
    for (int i = 0; i < committee.size(); i++) {
      if (bits.get(i)) {
        attesters.add(committee.get(i));
      }
    }
    check(
        !attesters.isEmpty(),
        InvalidBlockReason.ATTESTATION_NO_PARTICIPANTS,
        "No aggregation bit is set");
    checkSignature(snapshot, attestation, attesters, signatures);

    int flags =
        participationFlags(snapshot, data, slot.value().minus(data.slot().value()).longValue());
    long rewardNumerator = 0;
    for (ValidatorIndex attester : attesters) {
      int index = attester.intValue();
      int before = batch.flags(currentTarget, index);
      int after = before | flags;
      if (after != before) {
        batch.setFlags(currentTarget, index, after);
        for (int flag = 0; flag < FLAG_WEIGHTS.length; flag++) {
          if ((after & ~before & (1 << flag)) != 0) {
            rewardNumerator += batch.baseReward(index) * FLAG_WEIGHTS[flag];
          }
        }
      }
    }
    Gwei proposerReward = Gwei.of(rewardNumerator / PROPOSER_REWARD_DENOMINATOR);
    batch.rewardProposer(state, proposerReward);
    crosslinkVotes.record(state, data, currentTarget, committee, bits, batch::effectiveBalance);
  }

  private void checkSignature(
      BeaconState state,
      Attestation attestation,
      List<ValidatorIndex> attesters,
      SignatureCheck signatures)
      throws BlockProcessingException {
    BlsSignatureSet set;
    try {
      set =
          signatureSets.attestation(state, attestation.data(), attesters, attestation.signature());
    } catch (BlsException e) {
      throw new BlockProcessingException(
          InvalidBlockReason.ATTESTATION_SIGNATURE_INVALID,
          "Attestation signature is not a signature",
          e);
    }
    signatures.check(
        set,
        InvalidBlockReason.ATTESTATION_SIGNATURE_INVALID,
        "Attestation of shard "
            + attestation.data().shard()
            + " at slot "
            + attestation.data().slot()
            + " by "
            + attesters.size()
            + " validators");
  }

  /**
   * The flags an attestation earns, as a bit set (source was checked to match): timely source
   * within {@code isqrt(SLOTS_PER_EPOCH)} slots, timely target (matching target root) within an
   * epoch, timely head (matching target and head) at the minimum delay.
   */
  // spec: get_attestation_participation_flag_indices
  private int participationFlags(BeaconState state, AttestationData data, long inclusionDelay) {
    boolean matchingTarget =
        data.target().root().equals(accessors.getBlockRoot(state, data.target().epoch()));
    boolean matchingHead =
        matchingTarget
            && data.beaconBlockRoot().equals(accessors.getBlockRootAtSlot(state, data.slot()));
    int flags = 0;
    if (inclusionDelay <= sqrtSlotsPerEpoch) {
      flags |= 1 << ParticipationFlags.TIMELY_SOURCE_FLAG_INDEX;
    }
    if (matchingTarget && inclusionDelay <= config.slotsPerEpoch()) {
      flags |= 1 << ParticipationFlags.TIMELY_TARGET_FLAG_INDEX;
    }
    if (matchingHead
        && inclusionDelay == config.minAttestationInclusionDelay().value().longValue()) {
      flags |= 1 << ParticipationFlags.TIMELY_HEAD_FLAG_INDEX;
    }
    return flags;
  }
}
