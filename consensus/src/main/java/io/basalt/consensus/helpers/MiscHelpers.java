package io.basalt.consensus.helpers;

import io.basalt.common.crypto.Hash;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The phase0 "misc" helpers used for selection: swap-or-not shuffling, committees and the
 * effective-balance-weighted proposer. Pure functions of the config and their arguments;
 * thread-safe.
 */
public final class MiscHelpers {

  /** {@code 2**8 - 1}: one random byte per proposer candidate. */
  static final int MAX_RANDOM_BYTE = 255;

  private final SpecConfig config;
  private final ListShuffler listShuffler;

  public MiscHelpers(SpecConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.listShuffler = new ListShuffler(config.shuffleRoundCount());
  }

  /**
   * The position that {@code index} moves to in a list of {@code indexCount} shuffled with {@code
   * seed}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < indexCount}
   */
  // spec: compute_shuffled_index
  public int computeShuffledIndex(int index, int indexCount, Bytes32 seed) {
    if (index < 0 || index >= indexCount) {
      throw new IllegalArgumentException(
          "Index " + index + " is outside a list of " + indexCount + " to shuffle");
    }
    Objects.requireNonNull(seed, "seed");
    int current = index;
    for (int round = 0; round < config.shuffleRoundCount(); round++) {
      int pivot = SwapOrNot.pivot(seed, round, indexCount);
      int flip = (int) (((long) pivot + indexCount - current) % indexCount);
      int position = Math.max(current, flip);
      byte[] source = SwapOrNot.source(seed, round, position / SwapOrNot.POSITIONS_PER_SOURCE);
      if (SwapOrNot.bit(source, position)) {
        current = flip;
      }
    }
    return current;
  }

  /**
   * The whole list shuffled at once: element {@code i} of the result is {@code
   * indices[computeShuffledIndex(i, indices.length, seed)]}. {@code indices} is not changed.
   */
  public int[] shuffleList(int[] indices, Bytes32 seed) {
    return listShuffler.shuffle(indices, seed);
  }

  /**
   * Committee {@code index} of {@code count} equal slices of the shuffled {@code indices}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < count}
   */
  // spec: compute_committee
  public List<ValidatorIndex> computeCommittee(
      List<ValidatorIndex> indices, Bytes32 seed, int index, int count) {
    Objects.requireNonNull(indices, "indices");
    if (count <= 0 || index < 0 || index >= count) {
      throw new IllegalArgumentException(
          "Committee " + index + " does not exist among " + count + " committees");
    }
    int size = indices.size();
    int start = (int) ((long) size * index / count);
    int end = (int) ((long) size * (index + 1) / count);
    List<ValidatorIndex> committee = new ArrayList<>(end - start);
    for (int i = start; i < end; i++) {
      committee.add(indices.get(computeShuffledIndex(i, size, seed)));
    }
    return List.copyOf(committee);
  }

  /**
   * Draws a proposer from {@code indices} in shuffled order, accepting each candidate with
   * probability {@code effective_balance / MAX_EFFECTIVE_BALANCE}.
   *
   * @param effectiveBalance the effective balance of a validator (from the state, later)
   * @throws IllegalArgumentException if {@code indices} is empty or a balance is missing
   */
  // spec: compute_proposer_index
  public ValidatorIndex computeProposerIndex(
      List<ValidatorIndex> indices, Bytes32 seed, Function<ValidatorIndex, Gwei> effectiveBalance) {
    Objects.requireNonNull(indices, "indices");
    Objects.requireNonNull(seed, "seed");
    if (indices.isEmpty()) {
      throw new IllegalArgumentException("Cannot choose a proposer from no validators");
    }
    int total = indices.size();
    UInt64 maxEffectiveBalance = config.maxEffectiveBalance().value();
    byte[] randomBytes = null;
    for (long i = 0; ; i++) {
      ValidatorIndex candidate = indices.get(computeShuffledIndex((int) (i % total), total, seed));
      if (i % 32 == 0) {
        randomBytes = Hash.sha256(seedWithCounter(seed, i / 32));
      }
      int randomByte = randomBytes[(int) (i % 32)] & 0xFF;
      Gwei balance = effectiveBalance.apply(candidate);
      if (balance == null) {
        throw new IllegalArgumentException("No effective balance for validator " + candidate);
      }
      if (balance
          .value()
          .times(MAX_RANDOM_BYTE)
          .isGreaterThanOrEqualTo(maxEffectiveBalance.times(randomByte))) {
        return candidate;
      }
    }
  }

  /** The epoch that {@code slot} belongs to. */
  // spec: compute_epoch_at_slot
  public Epoch computeEpochAtSlot(Slot slot) {
    return new Epoch(slot.value().dividedBy(config.slotsPerEpoch()));
  }

  /** The first slot of {@code epoch}. */
  // spec: compute_start_slot_at_epoch
  public Slot computeStartSlotAtEpoch(Epoch epoch) {
    return new Slot(epoch.value().times(config.slotsPerEpoch()));
  }

  /** The epoch at which an activation or exit triggered in {@code epoch} takes effect. */
  // spec: compute_activation_exit_epoch
  public Epoch computeActivationExitEpoch(Epoch epoch) {
    return epoch.plus(1).plus(config.maxSeedLookahead().value().longValue());
  }

  /**
   * The largest {@code x} with {@code x * x <= n}.
   *
   * @throws IllegalArgumentException if {@code n} is negative (a uint64 over {@code 2^63})
   */
  // spec: integer_squareroot
  public static long integerSquareRoot(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("No square root of " + Long.toUnsignedString(n));
    }
    long x = (long) Math.sqrt((double) n);
    // Correct the double's rounding; compare by division so nothing overflows near 2^63.
    while (x > 0 && x > n / x) {
      x--;
    }
    while (x + 1 <= n / (x + 1)) {
      x++;
    }
    return x;
  }

  /** The reward, in Gwei, per effective-balance increment for a full set of timely votes. */
  // spec: get_base_reward_per_increment
  public long baseRewardPerIncrement(long totalActiveBalance) {
    return Math.multiplyExact(
            config.effectiveBalanceIncrement().value().longValue(),
            config.baseRewardFactor().longValue())
        / integerSquareRoot(totalActiveBalance);
  }

  /** {@code uint_to_bytes(uint64(value))}: eight little-endian bytes. */
  public static Bytes uintToBytes(UInt64 value) {
    return Bytes.ofUnsignedLong(value.bits()).reverse();
  }

  /** {@code seed + uint_to_bytes(uint64(counter))}, the counter little-endian. */
  private static byte[] seedWithCounter(Bytes32 seed, long counter) {
    byte[] input = new byte[40];
    System.arraycopy(seed.toArrayUnsafe(), 0, input, 0, 32);
    for (int b = 0; b < 8; b++) {
      input[32 + b] = (byte) (counter >>> (8 * b));
    }
    return input;
  }
}
