package io.basalt.networking.peers;

import java.time.Duration;

/**
 * Exponential dial backoff: after {@code n} consecutive failures the next attempt waits {@code
 * initial * 2^(n-1)}, at most {@code max}.
 */
public record Backoff(Duration initial, Duration max) {

  public Duration delayAfter(int failures) {
    if (failures <= 0) {
      return Duration.ZERO;
    }
    int shift = Math.min(failures - 1, 30);
    long millis = initial.toMillis() << shift;
    return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
  }
}
