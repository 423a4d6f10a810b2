package io.basalt.networking.gossip;

/** Injected time source in milliseconds; monotonic as far as the router is concerned. */
@FunctionalInterface
public interface GossipClock {
  long nowMillis();
}
