package io.basalt.networking.reqresp;

import java.util.function.LongSupplier;

/** A token bucket (lazy refill from a nanosecond clock). Thread-safe. */
public final class TokenBucket {

  private final RateLimit limit;
  private final LongSupplier nanoClock;
  private double tokens;
  private long lastRefill;

  public TokenBucket(RateLimit limit, LongSupplier nanoClock) {
    this.limit = limit;
    this.nanoClock = nanoClock;
    this.tokens = limit.capacity();
    this.lastRefill = nanoClock.getAsLong();
  }

  /** Takes one token if there is one. */
  public synchronized boolean tryAcquire() {
    long now = nanoClock.getAsLong();
    double elapsed = (now - lastRefill) / 1e9;
    lastRefill = now;
    tokens = Math.min(limit.capacity(), tokens + elapsed * limit.perSecond());
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  /** Whether the bucket is full (so an idle entry may be dropped). */
  public synchronized boolean isFull() {
    double elapsed = (nanoClock.getAsLong() - lastRefill) / 1e9;
    return tokens + elapsed * limit.perSecond() >= limit.capacity();
  }
}
