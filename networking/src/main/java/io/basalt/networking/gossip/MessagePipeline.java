package io.basalt.networking.gossip;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The path of a received message: topic and signature-policy checks, duplicate suppression, bounded
 * asynchronous validation, then delivery to the application and forwarding to the mesh (ACCEPT),
 * nothing (IGNORE) or P4 penalties (REJECT).
 */
final class MessagePipeline {
  private final RouterState s;
  private final Map<String, MessageHandler> subscriptions;
  private final Map<String, TopicValidator> validators;
  private final MessageIdFunction messageIds;
  private final RpcSink sink;
  private final Executor routerExecutor;
  private final Supplier<RpcBatch> batches;
  private int pendingValidations;

  /** Shares the router's live subscription and validator maps. */
  MessagePipeline(
      RouterState state,
      Map<String, MessageHandler> subscriptions,
      Map<String, TopicValidator> validators,
      MessageIdFunction messageIds,
      RpcSink sink,
      Executor routerExecutor,
      Supplier<RpcBatch> batches) {
    this.s = state;
    this.subscriptions = subscriptions;
    this.validators = validators;
    this.messageIds = messageIds;
    this.sink = sink;
    this.routerExecutor = routerExecutor;
    this.batches = batches;
  }

  int pendingValidations() {
    return pendingValidations;
  }

  void handle(GossipPeerId from, PubMessage message, RpcBatch out) {
    String topic = message.topic();
    if (!subscriptions.containsKey(topic)) {
      s.metrics.unsubscribedTopicMessages++;
      return;
    }
    if (message.hasAuthorFields()) {
      s.metrics.invalidAuthorFields++;
      s.score.invalidMessage(from, topic);
      return;
    }
    MessageId id = messageIds.apply(message);
    long now = s.now();
    s.promises.fulfill(id);
    if (!s.seen.add(id, now)) {
      s.metrics.duplicates++;
      s.score.duplicateMessage(from, id, topic, now);
      return;
    }
    s.score.messageReceived(from, id, now);
    TopicValidator validator = validators.get(topic);
    if (validator == null) {
      onValidated(from, id, message, ValidationResult.ACCEPT, out);
      return;
    }
    if (pendingValidations >= s.params.maxPendingValidations()) {
      s.metrics.validationQueueFull++;
      onValidated(from, id, message, ValidationResult.IGNORE, out);
      return;
    }
    pendingValidations++;
    CompletableFuture<ValidationResult> result;
    try {
      result = validator.validate(from, message);
    } catch (RuntimeException e) {
      result = CompletableFuture.completedFuture(ValidationResult.IGNORE);
    }
    result.whenCompleteAsync(
        (r, error) -> {
          pendingValidations--;
          RpcBatch later = batches.get();
          onValidated(
              from, id, message, error != null || r == null ? ValidationResult.IGNORE : r, later);
          later.flush(sink);
        },
        routerExecutor);
  }

  private void onValidated(
      GossipPeerId from, MessageId id, PubMessage message, ValidationResult result, RpcBatch out) {
    long now = s.now();
    switch (result) {
      case REJECT -> {
        s.metrics.rejected++;
        s.score.messageRejected(id, message.topic(), now);
      }
      case IGNORE -> {
        s.metrics.ignored++;
        s.score.messageIgnored(id, now);
      }
      case ACCEPT -> {
        s.metrics.accepted++;
        s.score.messageAccepted(from, id, message.topic(), now);
        s.mcache.put(id, message);
        MessageHandler handler = subscriptions.get(message.topic());
        if (handler == null) {
          return; // unsubscribed while validating
        }
        try {
          handler.onMessage(id, message);
        } catch (RuntimeException e) {
          s.metrics.handlerFailures++; // the application's failure must not break routing
        }
        for (GossipPeerId peer : s.mesh.getOrDefault(message.topic(), Set.of())) {
          if (!peer.equals(from)) {
            out.message(peer, message);
          }
        }
      }
    }
  }
}
