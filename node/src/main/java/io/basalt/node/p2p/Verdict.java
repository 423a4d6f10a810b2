package io.basalt.node.p2p;

import io.basalt.networking.gossip.ValidationResult;
import java.util.Objects;

/**
 * A gossip or request verdict from the chain side, with a reason for logs and metrics.
 *
 * @param result what gossip does with the message: forward (ACCEPT), drop (IGNORE) or drop and
 *     penalise the sender (REJECT)
 * @param reason why; {@code "accepted"} for ACCEPT
 */
public record Verdict(ValidationResult result, String reason) {

  private static final Verdict ACCEPT = new Verdict(ValidationResult.ACCEPT, "accepted");

  public Verdict {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(reason, "reason");
  }

  public static Verdict accept() {
    return ACCEPT;
  }

  public static Verdict ignore(String reason) {
    return new Verdict(ValidationResult.IGNORE, reason);
  }

  public static Verdict reject(String reason) {
    return new Verdict(ValidationResult.REJECT, reason);
  }
}
