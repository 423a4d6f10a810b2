package io.basalt.node.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.networking.identity.PeerId;
import io.basalt.networking.identity.Secp256k1PeerPrivateKey;
import io.basalt.networking.peers.MisbehaviourReporter;
import io.basalt.shard.datastructures.SignedShardBlock;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class ShardRangeSyncTest {

  private static final ShardId SHARD = ShardId.of(0);
  private static final long HEAD_SLOT = 94;
  private static final long FINALIZED_SLOT = 40;
  private static final long PEER_HEAD = 160;

  private final PeerId peer =
      PeerId.fromPublicKey(Secp256k1PeerPrivateKey.random(new SecureRandom()).publicKey());
  private final AtomicLong clock = new AtomicLong(1_000_000);
  private final List<Long> asked = new ArrayList<>();

  /** Our shard 0 head stays at slot 94 whatever is imported: what comes back never connects. */
  private final SyncTarget stuckHead =
      new SyncTarget() {
        @Override
        public StatusMessage status() {
          throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<BatchImport> importBeaconBlocks(List<SignedBeaconBlock> blocks) {
          throw new UnsupportedOperationException();
        }

        @Override
        public Slot forkSyncStart() {
          return Slot.of(1);
        }

        @Override
        public Slot shardSyncStart(ShardId shard) {
          return shard.equals(SHARD) ? Slot.of(HEAD_SLOT + 1) : Slot.of(PEER_HEAD + 1);
        }

        @Override
        public Slot shardForkSyncStart(ShardId shard) {
          return Slot.of(FINALIZED_SLOT + 1);
        }

        @Override
        public CompletableFuture<BatchImport> importShardBlocks(
            ShardId shard, List<SignedShardBlock> blocks) {
          return CompletableFuture.completedFuture(BatchImport.ok(0));
        }
      };

  private final ShardRangeSync sync =
      new ShardRangeSync(
          stuckHead,
          (from, shard, start, count) -> {
            asked.add(start.value().longValue());
            return CompletableFuture.completedFuture(served(start.value().longValue()));
          },
          MisbehaviourReporter.NONE,
          4,
          clock::get,
          Runnable::run);

  private boolean servesAfterHead = true;

  /** What the peer serves from {@code start}: a block right after our head, if it has one. */
  private List<SignedShardBlock> served(long start) {
    return servesAfterHead && start == HEAD_SLOT + 1
        ? List.of(P2PFixtures.shardBlock(0, start))
        : List.of();
  }

  private boolean step() {
    StatusMessage status =
        new StatusMessage(
            P2PFixtures.DIGEST, Bytes32.ZERO, Epoch.ZERO, Bytes32.ZERO, Slot.of(PEER_HEAD));
    return sync.step(Map.of(peer, status), (start, failed) -> Optional.of(peer));
  }

  @Test
  void shouldAskAgainFromTheFinalizedBlockWhenTheHeadDoesNotFollowTheCursor() {
    assertThat(step()).isTrue();
    step();
    step(); // past the peer's head: nothing to ask
    assertThat(asked).containsExactly(HEAD_SLOT + 1, HEAD_SLOT + 1 + 64);

    clock.addAndGet(ShardRangeSync.CURSOR_TTL.toMillis());
    step();
    step();
    assertThat(asked)
        .containsExactly(
            HEAD_SLOT + 1, HEAD_SLOT + 1 + 64, FINALIZED_SLOT + 1, FINALIZED_SLOT + 1 + 64);
    assertThat(sync.isBehind(SHARD)).isTrue();
    assertThat(sync.isBehind(ShardId.of(1))).isFalse();
  }

  @Test
  void shouldAskAgainFromTheHeadWhenNothingWasServedAfterIt() {
    servesAfterHead = false; // the last slots of the shard are empty
    step();
    step();
    clock.addAndGet(ShardRangeSync.CURSOR_TTL.toMillis());
    step();
    assertThat(asked).containsExactly(HEAD_SLOT + 1, HEAD_SLOT + 1 + 64, HEAD_SLOT + 1);
  }
}
