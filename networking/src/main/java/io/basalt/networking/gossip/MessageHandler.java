package io.basalt.networking.gossip;

/** Receives each accepted message of a subscribed topic exactly once. */
@FunctionalInterface
public interface MessageHandler {
  void onMessage(MessageId id, PubMessage message);
}
