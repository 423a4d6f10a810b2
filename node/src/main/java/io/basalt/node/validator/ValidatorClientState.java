package io.basalt.node.validator;

/** Where a {@link ValidatorClient} is in its life. */
public enum ValidatorClientState {
  /** Doppelganger protection: watching the network for our keys, signing nothing yet. */
  WAITING_FOR_DOPPELGANGER,
  /** Performing duties. */
  ACTIVE,
  /**
   * Another client signs with one of our keys: this client signs nothing more and the node should
   * exit (see {@link ValidatorClient#stopReason()}).
   */
  STOPPED_DOPPELGANGER
}
