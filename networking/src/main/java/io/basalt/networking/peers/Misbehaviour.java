package io.basalt.networking.peers;

/**
 * How bad a peer's offence is (after Lighthouse's {@code PeerAction}): the penalty subtracted from
 * its score. A peer whose score reaches the ban threshold is banned.
 */
public enum Misbehaviour {
  /** Ban at once (invalid signature on purpose, protocol violation). */
  FATAL(100),
  /** Tolerated a few times (malformed request, oversize payload). */
  LOW_TOLERANCE(10),
  /** Tolerated about ten times (timeouts, useless responses). */
  MID_TOLERANCE(5),
  /** Tolerated often (rate limits hit). */
  HIGH_TOLERANCE(1);

  private final int penalty;

  Misbehaviour(int penalty) {
    this.penalty = penalty;
  }

  public int penalty() {
    return penalty;
  }
}
