package io.basalt.consensus.slashing;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.types.Epoch;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.consensus.types.AttestationData;
import io.basalt.consensus.types.Checkpoint;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class SlashingConditionsTest {

  private final SlashingConditions conditions = new SlashingConditions();

  private static AttestationData vote(long source, long target, int rootByte) {
    return new AttestationData(
        Slot.of(target * 8),
        ShardId.of(0),
        Bytes32.repeat((byte) rootByte),
        new Checkpoint(Epoch.of(source), Bytes32.ZERO),
        new Checkpoint(Epoch.of(target), Bytes32.ZERO),
        Bytes32.ZERO);
  }

  @Test
  void shouldFlagDoubleVoteForSameTargetEpoch() {
    assertThat(conditions.isSlashableAttestationData(vote(1, 3, 1), vote(1, 3, 2))).isTrue();
    assertThat(conditions.isSlashableAttestationData(vote(1, 3, 1), vote(2, 3, 1))).isTrue();
  }

  @Test
  void shouldNotFlagTheSameVoteTwice() {
    assertThat(conditions.isSlashableAttestationData(vote(1, 3, 1), vote(1, 3, 1))).isFalse();
  }

  @Test
  void shouldFlagSurroundingVoteOnlyInArgumentOrder() {
    AttestationData outer = vote(1, 5, 1);
    AttestationData inner = vote(2, 4, 1);
    assertThat(conditions.isSlashableAttestationData(outer, inner)).isTrue();
    assertThat(conditions.isSlashableAttestationData(inner, outer)).isFalse();
  }

  @Test
  void shouldNotFlagConsecutiveOrSharedSourceVotes() {
    assertThat(conditions.isSlashableAttestationData(vote(1, 2, 1), vote(2, 3, 1))).isFalse();
    assertThat(conditions.isSlashableAttestationData(vote(1, 5, 1), vote(1, 4, 1))).isFalse();
  }
}
