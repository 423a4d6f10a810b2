/**
 * Runs the gossipsub router ({@link io.basalt.networking.gossip.GossipRouter}) over the libp2p
 * {@link io.basalt.networking.host.Host}: {@link io.basalt.networking.gossip.host.GossipService}
 * registers {@code /meshsub/1.1.0} and {@code /meshsub/1.0.0}, keeps one outbound gossip stream per
 * peer, frames RPCs with varint lengths and drives the router on one thread.
 */
package io.basalt.networking.gossip.host;
