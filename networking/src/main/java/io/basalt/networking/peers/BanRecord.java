package io.basalt.networking.peers;

import java.time.Instant;

/** A peer banned until {@code until} for {@code reason}. */
public record BanRecord(Instant until, String reason) {

  public boolean isActive(Instant now) {
    return now.isBefore(until);
  }
}
