package io.basalt.networking.gossip;

/**
 * Router parameters (gossipsub v1.1 names). Durations are milliseconds. The heartbeat interval is
 * informational: the owner calls {@link GossipRouter#heartbeat()} at that period.
 *
 * @param d target mesh degree
 * @param dLow below it the heartbeat grafts
 * @param dHigh above it the heartbeat prunes
 * @param dLazy minimum number of peers gossiped to per topic per heartbeat
 * @param dScore peers kept by score when pruning an oversized mesh
 * @param dOut minimum outbound peers kept in a mesh (must be below dLow and ≤ d/2)
 * @param historyLength heartbeats a message stays in the message cache
 * @param historyGossip heartbeats of the cache advertised in IHAVE
 * @param gossipFactor fraction of eligible non-mesh peers gossiped to, if more than dLazy
 * @param maxIHaveLength most message ids advertised to, or requested from, a peer per heartbeat
 * @param maxIHaveMessages most IHAVE entries accepted from a peer per heartbeat
 * @param iwantFollowupMillis time a peer has to deliver a message it advertised and we requested
 * @param gossipRetransmission most times one message is sent to one peer through IWANT
 * @param pruneBackoffMillis backoff we ask for and apply after PRUNE
 * @param unsubscribeBackoffMillis backoff after leaving a topic
 * @param graftFloodThresholdMillis a GRAFT this soon after our PRUNE gets an extra penalty
 * @param opportunisticGraftTicks heartbeats between opportunistic grafting rounds
 * @param opportunisticGraftPeers peers grafted in one opportunistic round
 * @param prunePeers peers offered for peer exchange in one PRUNE
 * @param fanoutTtlMillis fanout of a topic is dropped this long after our last publish
 * @param seenTtlMillis how long message ids are remembered as seen
 * @param floodPublish own messages go to every topic peer above the publish threshold
 * @param maxPendingValidations capacity of the validation queue; excess messages are ignored
 * @param maxSeenMessages cap of the seen cache
 * @param maxCachedMessages cap of the message cache
 * @param maxPromises cap of the tracked IWANT promises
 * @param maxTopicsPerPeer cap of the topics tracked for one remote peer
 */
public record GossipParams(
    int d,
    int dLow,
    int dHigh,
    int dLazy,
    int dScore,
    int dOut,
    int historyLength,
    int historyGossip,
    double gossipFactor,
    int maxIHaveLength,
    int maxIHaveMessages,
    long iwantFollowupMillis,
    int gossipRetransmission,
    long pruneBackoffMillis,
    long unsubscribeBackoffMillis,
    long graftFloodThresholdMillis,
    int opportunisticGraftTicks,
    int opportunisticGraftPeers,
    int prunePeers,
    long heartbeatIntervalMillis,
    long fanoutTtlMillis,
    long seenTtlMillis,
    boolean floodPublish,
    int maxPendingValidations,
    int maxSeenMessages,
    int maxCachedMessages,
    int maxPromises,
    int maxTopicsPerPeer) {

  public GossipParams {
    if (!(0 <= dLow && dLow <= d && d <= dHigh)
        || dLazy < 0
        || dScore < 0
        || dScore > d
        || dOut < 0
        || (dOut > 0 && (dOut >= dLow || dOut > d / 2))
        || historyGossip < 1
        || historyGossip > historyLength
        || heartbeatIntervalMillis <= 0
        || opportunisticGraftTicks < 1
        || opportunisticGraftPeers < 0
        || prunePeers < 0
        || maxIHaveLength < 0
        || maxIHaveMessages < 0
        || gossipRetransmission < 0
        || !(gossipFactor >= 0 && gossipFactor <= 1)
        || maxPendingValidations < 1
        || maxSeenMessages < 1
        || maxCachedMessages < 1
        || maxTopicsPerPeer < 1) {
      throw new IllegalArgumentException("inconsistent gossipsub parameters");
    }
  }

  /** The gossipsub v1.1 defaults (D=8, D_low=6, D_high=12, D_lazy=6, D_score=4, D_out=2, ...). */
  public static GossipParams defaults() {
    return new GossipParams(
        8, 6, 12, 6, 4, 2, 5, 3, 0.25, 5_000, 10, 3_000, 3, 60_000, 10_000, 10_000, 60, 2, 16,
        1_000, 60_000, 120_000, true, 1_024, 100_000, 50_000, 10_000, 1_000);
  }

  /** Slack added to a backoff before we graft again, so that we never graft too early. */
  long backoffSlackMillis() {
    return heartbeatIntervalMillis;
  }

  /** The same parameters with another heartbeat interval (Ethereum uses 700 ms). */
  public GossipParams withHeartbeatIntervalMillis(long millis) {
    return new GossipParams(
        d,
        dLow,
        dHigh,
        dLazy,
        dScore,
        dOut,
        historyLength,
        historyGossip,
        gossipFactor,
        maxIHaveLength,
        maxIHaveMessages,
        iwantFollowupMillis,
        gossipRetransmission,
        pruneBackoffMillis,
        unsubscribeBackoffMillis,
        graftFloodThresholdMillis,
        opportunisticGraftTicks,
        opportunisticGraftPeers,
        prunePeers,
        millis,
        fanoutTtlMillis,
        seenTtlMillis,
        floodPublish,
        maxPendingValidations,
        maxSeenMessages,
        maxCachedMessages,
        maxPromises,
        maxTopicsPerPeer);
  }

  public GossipParams withFloodPublish(boolean value) {
    return new GossipParams(
        d,
        dLow,
        dHigh,
        dLazy,
        dScore,
        dOut,
        historyLength,
        historyGossip,
        gossipFactor,
        maxIHaveLength,
        maxIHaveMessages,
        iwantFollowupMillis,
        gossipRetransmission,
        pruneBackoffMillis,
        unsubscribeBackoffMillis,
        graftFloodThresholdMillis,
        opportunisticGraftTicks,
        opportunisticGraftPeers,
        prunePeers,
        heartbeatIntervalMillis,
        fanoutTtlMillis,
        seenTtlMillis,
        value,
        maxPendingValidations,
        maxSeenMessages,
        maxCachedMessages,
        maxPromises,
        maxTopicsPerPeer);
  }

  public GossipParams withMaxPendingValidations(int value) {
    return new GossipParams(
        d,
        dLow,
        dHigh,
        dLazy,
        dScore,
        dOut,
        historyLength,
        historyGossip,
        gossipFactor,
        maxIHaveLength,
        maxIHaveMessages,
        iwantFollowupMillis,
        gossipRetransmission,
        pruneBackoffMillis,
        unsubscribeBackoffMillis,
        graftFloodThresholdMillis,
        opportunisticGraftTicks,
        opportunisticGraftPeers,
        prunePeers,
        heartbeatIntervalMillis,
        fanoutTtlMillis,
        seenTtlMillis,
        floodPublish,
        value,
        maxSeenMessages,
        maxCachedMessages,
        maxPromises,
        maxTopicsPerPeer);
  }
}
