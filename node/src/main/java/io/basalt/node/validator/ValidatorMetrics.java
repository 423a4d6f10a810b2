package io.basalt.node.validator;

import io.basalt.node.validator.duties.DutyKind;

/**
 * What the validator client reports for metrics; the node binds it to its Prometheus registry.
 * Called on the slot timer's thread; implementations must be cheap and must not throw.
 */
public interface ValidatorMetrics {

  /** Reports nothing. */
  ValidatorMetrics NONE = new ValidatorMetrics() {};

  /** A duty was done: its message was signed and published. */
  default void dutyPerformed(DutyKind kind) {}

  /**
   * A duty fell to one of our validators but nothing was published: the node was syncing, the block
   * could not be produced, or slashing protection refused to sign.
   */
  default void dutyMissed(DutyKind kind) {}

  /** Slashing protection refused a signature (also counted as a missed duty). */
  default void signingRefused(DutyKind kind) {}
}
