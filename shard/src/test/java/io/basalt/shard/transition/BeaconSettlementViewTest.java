package io.basalt.shard.transition;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.datastructures.shard.Crosslink;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.consensus.types.Checkpoint;
import io.basalt.execution.contracts.SettlementView;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/** The Settlement contract's L1 facts, read from the checkpoint states the anchor names. */
class BeaconSettlementViewTest {

  private static final ShardId SHARD = ShardId.of(1);
  private static final Bytes32 FINALIZED_ROOT = Bytes32.repeat((byte) 0xf1);
  private static final Bytes32 JUSTIFIED_ROOT = Bytes32.repeat((byte) 0x71);

  /** States by (root, slot), as the node's state source answers. */
  private final Map<String, BeaconState> states = new HashMap<>();

  private final BeaconView beacon =
      new BeaconView() {
        @Override
        public Optional<BeaconState> stateAt(Bytes32 root, Slot slot) {
          return Optional.ofNullable(states.get(root + "@" + slot));
        }

        @Override
        public boolean isAncestorOrSelf(Bytes32 ancestor, Bytes32 descendant) {
          return false;
        }
      };

  private static BeaconState withCrosslink(long shardSlot) {
    Crosslink crosslink =
        new Crosslink(
            SHARD,
            Slot.of(shardSlot),
            Bytes32.repeat((byte) shardSlot),
            Bytes32.ZERO,
            Bytes32.ZERO);
    return ShardFixture.GENESIS.updated(
        m -> m.setLatestCrosslinks(m.latestCrosslinks().set(SHARD.id(), crosslink)));
  }

  private static BeaconState anchor() {
    return ShardFixture.GENESIS.updated(
        m -> {
          m.setFinalizedCheckpoint(new Checkpoint(Epoch.of(2), FINALIZED_ROOT));
          m.setCurrentJustifiedCheckpoint(new Checkpoint(Epoch.of(3), JUSTIFIED_ROOT));
        });
  }

  @Test
  void shouldReadTheShardsCrosslinksInTheJustifiedAndFinalizedCheckpointStates() {
    int slotsPerEpoch = ShardFixture.CONFIG.slotsPerEpoch();
    states.put(FINALIZED_ROOT + "@" + Slot.of(2L * slotsPerEpoch), withCrosslink(10));
    states.put(JUSTIFIED_ROOT + "@" + Slot.of(3L * slotsPerEpoch), withCrosslink(20));

    SettlementView view =
        BeaconSettlementView.of(ShardFixture.CONFIG, beacon, anchor(), SHARD, Slot.of(33));

    assertThat(view.chainId()).isEqualTo(ShardFixture.CONFIG.chainId(SHARD).longValue());
    assertThat(view.slot()).isEqualTo(Slot.of(33));
    assertThat(view.finalizedShardSlot()).contains(Slot.of(10));
    assertThat(view.justifiedShardSlot()).contains(Slot.of(20));
  }

  @Test
  void shouldKnowNothingWhenTheCheckpointStateIsUnknownOrTheShardNeverCrosslinked() {
    states.put(
        JUSTIFIED_ROOT + "@" + Slot.of(3L * ShardFixture.CONFIG.slotsPerEpoch()),
        ShardFixture.GENESIS);

    SettlementView view =
        BeaconSettlementView.of(ShardFixture.CONFIG, beacon, anchor(), SHARD, Slot.of(33));

    assertThat(view.finalizedShardSlot()).isEmpty();
    assertThat(view.justifiedShardSlot()).isEmpty();
  }
}
