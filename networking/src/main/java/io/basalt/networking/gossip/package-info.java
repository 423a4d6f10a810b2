/**
 * Gossipsub v1.1 router ({@code /meshsub/1.1.0} and {@code /meshsub/1.0.0}), transport-independent.
 *
 * <p>The router is driven from outside: inbound RPCs are handed to {@link
 * io.basalt.networking.gossip.GossipRouter#onRpc}, outbound RPCs leave through a {@link
 * io.basalt.networking.gossip.RpcSink}, time comes from a {@link
 * io.basalt.networking.gossip.GossipClock} and the heartbeat runs when the owner calls {@link
 * io.basalt.networking.gossip.GossipRouter#heartbeat()}. Peers are opaque {@link
 * io.basalt.networking.gossip.GossipPeerId}s; topics are strings and messages are bytes.
 */
package io.basalt.networking.gossip;
