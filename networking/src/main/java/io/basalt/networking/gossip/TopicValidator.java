package io.basalt.networking.gossip;

import java.util.concurrent.CompletableFuture;

/**
 * Application validator of one topic. The future may complete on any thread; the router hands the
 * result back to its own executor. A future that fails counts as {@link ValidationResult#IGNORE}.
 */
@FunctionalInterface
public interface TopicValidator {
  CompletableFuture<ValidationResult> validate(GossipPeerId from, PubMessage message);
}
