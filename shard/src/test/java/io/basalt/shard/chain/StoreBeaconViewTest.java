package io.basalt.shard.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.chain.ChainFixture;
import io.basalt.common.types.Epoch;
import io.basalt.storage.memory.InMemoryKvStore;
import io.basalt.storage.schema.BasaltSchema;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/**
 * Ancestry over a beacon store whose finalized blocks were pruned from the hot blocks: what a node
 * syncing shard blocks anchored long ago asks.
 */
class StoreBeaconViewTest {

  @Test
  void prunedFinalizedBlocksAreTheirOwnAndEachLaterFinalizedBlocksAncestors() {
    ChainFixture chain = ChainFixture.genesis(InMemoryKvStore.create(BasaltSchema.SCHEMA), 8);
    Bytes32 genesis = chain.store.genesisRoot();
    Bytes32 three = chain.extendHead(1, 3);
    Bytes32 head = chain.extendHead(4, 3 * 8 + 1);
    assertThat(chain.store.finalizedCheckpoint().epoch()).isEqualTo(Epoch.of(1));
    assertThat(chain.store.contains(genesis)).as("genesis pruned from the hot blocks").isFalse();
    assertThat(chain.store.contains(three)).as("slot 3 pruned from the hot blocks").isFalse();

    StoreBeaconView view =
        new StoreBeaconView(chain.store, (root, slot) -> Optional.empty(), chain.accessors);
    view.moveHead(head);

    // A shard block anchored where its parent was (e.g. the first ones, on genesis).
    assertThat(view.isAncestorOrSelf(genesis, genesis)).isTrue();
    assertThat(view.isAncestorOrSelf(three, three)).isTrue();
    // Both finalized and pruned: the earlier is the ancestor, never the other way round.
    assertThat(view.isAncestorOrSelf(genesis, three)).isTrue();
    assertThat(view.isAncestorOrSelf(three, genesis)).isFalse();
    // Pruned ancestor of a hot block.
    assertThat(view.isAncestorOrSelf(three, head)).isTrue();
    assertThat(view.isAncestorOrSelf(head, three)).isFalse();
    // An unknown root is nobody's ancestor.
    assertThat(view.isAncestorOrSelf(Bytes32.repeat((byte) 7), head)).isFalse();
  }
}
