package io.basalt.networking.gossip;

/** Outcome of application validation of a gossip message. */
public enum ValidationResult {
  /** Valid: delivered to the application and forwarded to mesh peers. */
  ACCEPT,
  /** Not forwarded, not penalized (e.g. duplicate by application rules, or overload). */
  IGNORE,
  /** Invalid: not forwarded and the sender is penalized (P4). */
  REJECT
}
