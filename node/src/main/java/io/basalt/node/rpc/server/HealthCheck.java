package io.basalt.node.rpc.server;

/** What {@code GET /health} answers; called off the event loop, may block briefly. */
@FunctionalInterface
public interface HealthCheck {

  /** The node's readiness, with the HTTP status {@code GET /health} sends. */
  enum Health {
    SYNCED(200),
    SYNCING(206),
    NOT_READY(503);

    private final int httpStatus;

    Health(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    public int httpStatus() {
      return httpStatus;
    }
  }

  Health health();
}
