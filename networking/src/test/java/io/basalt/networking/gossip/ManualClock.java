package io.basalt.networking.gossip;

/** A clock tests move by hand. */
final class ManualClock implements GossipClock {
  private long now;

  ManualClock(long start) {
    this.now = start;
  }

  @Override
  public long nowMillis() {
    return now;
  }

  void advance(long millis) {
    now += millis;
  }
}
