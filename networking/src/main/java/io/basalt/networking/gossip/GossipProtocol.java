package io.basalt.networking.gossip;

/** The gossipsub protocol versions this router speaks; negotiated per peer by multistream. */
public enum GossipProtocol {
  MESHSUB_V10("/meshsub/1.0.0"),
  MESHSUB_V11("/meshsub/1.1.0");

  private final String id;

  GossipProtocol(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** v1.1 adds peer exchange and backoff to PRUNE. */
  boolean supportsPeerExchange() {
    return this == MESHSUB_V11;
  }
}
