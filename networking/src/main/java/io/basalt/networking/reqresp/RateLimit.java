package io.basalt.networking.reqresp;

/**
 * A token bucket's shape: {@code capacity} requests at once, refilled at {@code perSecond}. {@link
 * #UNLIMITED} turns limiting off.
 */
public record RateLimit(double capacity, double perSecond) {

  public static final RateLimit UNLIMITED = new RateLimit(Double.MAX_VALUE, Double.MAX_VALUE);

  public RateLimit {
    if (!(capacity >= 1) || !(perSecond > 0)) {
      throw new IllegalArgumentException("capacity must be >= 1 and rate > 0");
    }
  }
}
