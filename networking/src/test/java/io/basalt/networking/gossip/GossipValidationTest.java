package io.basalt.networking.gossip;

import static io.basalt.networking.gossip.RouterFixture.TOPIC;
import static io.basalt.networking.gossip.RouterFixture.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Asynchronous validation: forwarding only after ACCEPT, penalties only on REJECT, bounded queue.
 */
class GossipValidationTest {

  private static PeerScoreParams scored() {
    return PeerScoreParams.defaults().withTopic(TOPIC, TopicScoreParams.defaults());
  }

  private final List<CompletableFuture<ValidationResult>> pending = new ArrayList<>();

  private RouterFixture fixture(GossipParams params) {
    RouterFixture f = new RouterFixture(params, scored());
    f.router.setValidator(
        TOPIC,
        (from, m) -> {
          CompletableFuture<ValidationResult> future = new CompletableFuture<>();
          pending.add(future);
          return future;
        });
    return f;
  }

  @Test
  void messageIsForwardedAndDeliveredOnlyAfterAccept() {
    RouterFixture f = fixture(GossipParams.defaults());
    List<GossipPeerId> peers = f.connectSubscribed(4);
    f.subscribe();
    f.sent.clear();
    f.router.onRpc(peers.get(0), Rpc.ofMessages(List.of(message("m"))));
    assertThat(f.delivered).isEmpty();
    assertThat(f.sent).isEmpty();
    assertThat(f.router.pendingValidations()).isEqualTo(1);
    pending.get(0).complete(ValidationResult.ACCEPT);
    assertThat(f.delivered).containsExactly(message("m"));
    assertThat(f.router.pendingValidations()).isZero();
    for (GossipPeerId p : peers.subList(1, 4)) {
      assertThat(f.messagesSentTo(p)).containsExactly(message("m"));
    }
    assertThat(f.messagesSentTo(peers.get(0))).isEmpty(); // never back to the sender
    assertThat(f.router.score(peers.get(0))).isPositive(); // P2 first delivery
  }

  @Test
  void ignoreNeitherForwardsNorPenalizes() {
    RouterFixture f = fixture(GossipParams.defaults());
    List<GossipPeerId> peers = f.connectSubscribed(3);
    f.subscribe();
    f.sent.clear();
    f.router.onRpc(peers.get(0), Rpc.ofMessages(List.of(message("m"))));
    pending.get(0).complete(ValidationResult.IGNORE);
    assertThat(f.delivered).isEmpty();
    assertThat(f.sent).isEmpty();
    assertThat(f.router.score(peers.get(0))).isZero();
    assertThat(f.router.metrics().ignored()).isEqualTo(1);
  }

  @Test
  void rejectPenalizesTheSenderAndDuplicatesSentDuringValidation() {
    RouterFixture f = fixture(GossipParams.defaults());
    List<GossipPeerId> peers = f.connectSubscribed(3);
    f.subscribe();
    f.sent.clear();
    f.router.onRpc(peers.get(0), Rpc.ofMessages(List.of(message("bad"))));
    f.router.onRpc(peers.get(1), Rpc.ofMessages(List.of(message("bad"))));
    pending.get(0).complete(ValidationResult.REJECT);
    f.router.onRpc(peers.get(2), Rpc.ofMessages(List.of(message("bad")))); // after the verdict
    assertThat(pending).hasSize(1);
    assertThat(f.sent).isEmpty();
    assertThat(f.delivered).isEmpty();
    for (GossipPeerId p : peers) {
      assertThat(f.router.score(p)).isEqualTo(-100.0); // P4: 1² × −100
    }
  }

  @Test
  void failedValidatorCountsAsIgnore() {
    RouterFixture f = fixture(GossipParams.defaults());
    GossipPeerId p = f.connectSubscribed(1).get(0);
    f.subscribe();
    f.router.onRpc(p, Rpc.ofMessages(List.of(message("m"))));
    pending.get(0).completeExceptionally(new IllegalStateException("validator crashed"));
    assertThat(f.router.metrics().ignored()).isEqualTo(1);
    assertThat(f.router.score(p)).isZero();
  }

  @Test
  void fullValidationQueueIgnoresAndCounts() {
    RouterFixture f = fixture(GossipParams.defaults().withMaxPendingValidations(4));
    GossipPeerId p = f.connectSubscribed(1).get(0);
    f.subscribe();
    for (int i = 0; i < 10; i++) {
      f.router.onRpc(p, Rpc.ofMessages(List.of(message("m" + i))));
    }
    assertThat(pending).hasSize(4);
    assertThat(f.router.pendingValidations()).isEqualTo(4);
    assertThat(f.router.metrics().validationQueueFull()).isEqualTo(6);
    assertThat(f.router.score(p)).isZero();
    pending.forEach(future -> future.complete(ValidationResult.ACCEPT));
    assertThat(f.delivered).hasSize(4);
    assertThat(f.router.pendingValidations()).isZero();
  }
}
