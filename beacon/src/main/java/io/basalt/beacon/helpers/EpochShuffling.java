package io.basalt.beacon.helpers;

import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The committees of one epoch, from one whole-list shuffle of the active validators: committee
 * {@code i} of {@code count} is the slice {@code [n*i/count, n*(i+1)/count)} of the shuffled list,
 * which equals phase0's {@code compute_committee} member by member. Immutable and thread-safe.
 */
public final class EpochShuffling {

  private final long epoch;
  private final Bytes32 seed;
  private final int[] activeIndices;
  private final int[] shuffled;
  private final int slotsPerEpoch;
  private final int shardCount;

  EpochShuffling(
      long epoch,
      Bytes32 seed,
      int[] activeIndices,
      int[] shuffled,
      int slotsPerEpoch,
      int shardCount) {
    this.epoch = epoch;
    this.seed = seed;
    this.activeIndices = activeIndices;
    this.shuffled = shuffled;
    this.slotsPerEpoch = slotsPerEpoch;
    this.shardCount = shardCount;
  }

  public long epoch() {
    return epoch;
  }

  /** {@code get_seed(state, epoch, DOMAIN_BEACON_ATTESTER)}. */
  public Bytes32 seed() {
    return seed;
  }

  /** The validators active in the epoch, in increasing index order. */
  public List<ValidatorIndex> activeIndices() {
    return new AbstractList<>() {
      @Override
      public ValidatorIndex get(int i) {
        return ValidatorIndex.of(activeIndices[i]);
      }

      @Override
      public int size() {
        return activeIndices.length;
      }
    };
  }

  /** The number of validators active in the epoch. */
  public int activeCount() {
    return activeIndices.length;
  }

  /**
   * The committee of {@code shard} at {@code slot}, in committee order (bit {@code i} of an
   * attestation's aggregation bits is member {@code i}).
   *
   * @throws IllegalArgumentException if the slot is not in this epoch or the shard does not exist
   */
  public List<ValidatorIndex> committee(Slot slot, ShardId shard) {
    long slotEpoch = slot.value().dividedBy(slotsPerEpoch).longValue();
    if (slotEpoch != epoch) {
      throw new IllegalArgumentException("Slot " + slot + " is not in epoch " + epoch);
    }
    if (shard.id() >= shardCount) {
      throw new IllegalArgumentException(
          "Shard " + shard + " does not exist; SHARD_COUNT is " + shardCount);
    }
    int slotInEpoch = (int) slot.value().mod(slotsPerEpoch).longValue();
    int index = slotInEpoch * shardCount + shard.id();
    int count = shardCount * slotsPerEpoch;
    int n = shuffled.length;
    int start = (int) ((long) n * index / count);
    int end = (int) ((long) n * (index + 1) / count);
    List<ValidatorIndex> committee = new ArrayList<>(end - start);
    for (int i = start; i < end; i++) {
      committee.add(ValidatorIndex.of(shuffled[i]));
    }
    return Collections.unmodifiableList(committee);
  }

  /** The shuffled active validators: committees are consecutive slices of it. */
  public int[] shuffledIndices() {
    return Arrays.copyOf(shuffled, shuffled.length);
  }
}
