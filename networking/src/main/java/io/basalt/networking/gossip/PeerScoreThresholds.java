package io.basalt.networking.gossip;

/**
 * Score thresholds of gossipsub v1.1.
 *
 * @param gossipThreshold below it a peer gets no gossip and its gossip is ignored (≤ 0)
 * @param publishThreshold below it a peer is not flood-published to (≤ gossipThreshold)
 * @param graylistThreshold below it every RPC of the peer is ignored (≤ publishThreshold)
 * @param acceptPxThreshold PX in a PRUNE is followed only from peers scoring at least this (≥ 0)
 * @param opportunisticGraftThreshold median mesh score under which opportunistic grafting runs
 */
public record PeerScoreThresholds(
    double gossipThreshold,
    double publishThreshold,
    double graylistThreshold,
    double acceptPxThreshold,
    double opportunisticGraftThreshold) {

  public PeerScoreThresholds {
    if (gossipThreshold > 0
        || publishThreshold > gossipThreshold
        || graylistThreshold > publishThreshold
        || acceptPxThreshold < 0
        || opportunisticGraftThreshold < 0) {
      throw new IllegalArgumentException("inconsistent score thresholds");
    }
  }

  public static PeerScoreThresholds defaults() {
    return new PeerScoreThresholds(-10, -50, -80, 10, 5);
  }
}
