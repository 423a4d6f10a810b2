package io.basalt.beacon.state;

/**
 * Altair participation flags: one byte per validator and epoch in {@code
 * previous_epoch_participation} / {@code current_epoch_participation}, a bit per timely vote.
 */
public final class ParticipationFlags {

  public static final int TIMELY_SOURCE_FLAG_INDEX = 0;
  public static final int TIMELY_TARGET_FLAG_INDEX = 1;
  public static final int TIMELY_HEAD_FLAG_INDEX = 2;

  /** Weights of the rewards, out of {@link #WEIGHT_DENOMINATOR} (Altair's values, no sync). */
  public static final int TIMELY_SOURCE_WEIGHT = 14;

  public static final int TIMELY_TARGET_WEIGHT = 26;
  public static final int TIMELY_HEAD_WEIGHT = 14;
  public static final int PROPOSER_WEIGHT = 8;
  public static final int WEIGHT_DENOMINATOR = 64;

  private ParticipationFlags() {}

  // spec: add_flag
  public static int addFlag(int flags, int flagIndex) {
    checkIndex(flagIndex);
    return flags | (1 << flagIndex);
  }

  // spec: has_flag
  public static boolean hasFlag(int flags, int flagIndex) {
    checkIndex(flagIndex);
    return (flags & (1 << flagIndex)) != 0;
  }

  private static void checkIndex(int flagIndex) {
    if (flagIndex < 0 || flagIndex > TIMELY_HEAD_FLAG_INDEX) {
      throw new IllegalArgumentException("No participation flag " + flagIndex);
    }
  }
}
