package io.basalt.node.rpc.beacon;

import io.basalt.node.rpc.subscription.Subscription;

/** Subscriptions over an event bus registration. */
final class Subscriptions {

  private Subscriptions() {}

  /** A subscription whose close removes {@code registration} (once; it cannot fail). */
  static Subscription closing(AutoCloseable registration) {
    return () -> {
      try {
        registration.close();
      } catch (Exception e) {
        throw new IllegalStateException("Removing a chain event listener failed", e);
      }
    };
  }
}
