package io.basalt.networking.gossip;

/** Counters of the router's notable events; read by metrics exporters and tests. */
public final class GossipMetrics {
  long accepted;
  long rejected;
  long ignored;
  long validationQueueFull;
  long duplicates;
  long graylistedRpcs;
  long invalidAuthorFields;
  long unsubscribedTopicMessages;
  long brokenPromises;
  long handlerFailures;

  public long accepted() {
    return accepted;
  }

  public long rejected() {
    return rejected;
  }

  public long ignored() {
    return ignored;
  }

  /** Messages ignored because the pending-validation queue was full. */
  public long validationQueueFull() {
    return validationQueueFull;
  }

  public long duplicates() {
    return duplicates;
  }

  /** RPCs dropped whole because their sender scored below the graylist threshold. */
  public long graylistedRpcs() {
    return graylistedRpcs;
  }

  /** Messages rejected for carrying from/seqno/signature/key under StrictNoSign. */
  public long invalidAuthorFields() {
    return invalidAuthorFields;
  }

  public long unsubscribedTopicMessages() {
    return unsubscribedTopicMessages;
  }

  public long brokenPromises() {
    return brokenPromises;
  }

  public long handlerFailures() {
    return handlerFailures;
  }
}
