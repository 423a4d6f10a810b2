package io.basalt.beacon.chain.gossip;

/** Gossip validation outcomes, as libp2p gossipsub's. */
public enum GossipVerdict {
  /** Valid: processed (and, in a real network, forwarded). */
  ACCEPT,
  /** Not processed, but the sender is not at fault (duplicate, too old, unknown block). */
  IGNORE,
  /** Invalid: the sender sent something no honest node would. */
  REJECT
}
