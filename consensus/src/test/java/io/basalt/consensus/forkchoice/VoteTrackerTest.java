package io.basalt.consensus.forkchoice;

import static io.basalt.consensus.forkchoice.Roots.root;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VoteTrackerTest {

  final VoteTracker votes = new VoteTracker();

  @Test
  void onlyNewerTargetEpochShouldReplaceLatestMessage() {
    assertThat(votes.processAttestation(3, root(1), 5)).isTrue();
    assertThat(votes.processAttestation(3, root(2), 5)).isFalse();
    assertThat(votes.processAttestation(3, root(2), 4)).isFalse();
    assertThat(votes.nextRoot(3)).contains(root(1));
    assertThat(votes.processAttestation(3, root(2), 6)).isTrue();
    assertThat(votes.nextRoot(3)).contains(root(2));
    assertThat(votes.currentRoot(3)).isEmpty();
    assertThat(votes.validatorCount()).isEqualTo(4);
  }

  @Test
  void shouldGrowBeyondInitialCapacity() {
    votes.processAttestation(100_000, root(1), 0);
    assertThat(votes.nextRoot(100_000)).contains(root(1));
    assertThat(votes.nextRoot(99_999)).isEmpty();
  }

  @Test
  void shouldRejectIndexOutOfRange() {
    assertThatThrownBy(() -> votes.processAttestation(-1, root(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> votes.processAttestation(VoteTracker.MAX_VALIDATORS, root(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void retainRootsShouldDropPrunedRootsButKeepEpochs() {
    votes.processAttestation(0, root(1), 1);
    votes.processAttestation(1, root(2), 1);
    votes.retainRoots(r -> !r.equals(root(1)));
    assertThat(votes.rootCount()).isEqualTo(1);
    assertThat(votes.nextRoot(0)).isEmpty();
    assertThat(votes.nextRoot(1)).contains(root(2));
    assertThat(votes.processAttestation(0, root(2), 1)).isFalse();
    assertThat(votes.processAttestation(0, root(2), 2)).isTrue();
  }
}
