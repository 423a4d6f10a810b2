package io.basalt.node.validator.slashing;

import static io.basalt.node.validator.slashing.SlashingFixtures.ALICE;
import static io.basalt.node.validator.slashing.SlashingFixtures.BOB;
import static io.basalt.node.validator.slashing.SlashingFixtures.block;
import static io.basalt.node.validator.slashing.SlashingFixtures.reason;
import static io.basalt.node.validator.slashing.SlashingFixtures.root;
import static io.basalt.node.validator.slashing.SlashingFixtures.shardBlock;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProposalRulesTest {

  private final KvSlashingProtection protection = SlashingFixtures.inMemory();

  @AfterEach
  void close() {
    protection.close();
  }

  @Test
  void shouldAcceptBlocksAtIncreasingSlots() {
    assertThat(block(protection, ALICE, 5, root(5)).isSafe()).isTrue();
    assertThat(block(protection, ALICE, 6, root(6)).isSafe()).isTrue();
    assertThat(block(protection, ALICE, 100, root(100)).isSafe()).isTrue();
  }

  @Test
  void shouldAllowReSigningTheIdenticalBlock() {
    assertThat(block(protection, ALICE, 5, root(5)).isSafe()).isTrue();
    assertThat(block(protection, ALICE, 5, root(5)).isSafe()).isTrue();
    assertThat(block(protection, ALICE, 6, root(6)).isSafe()).isTrue();
    assertThat(block(protection, ALICE, 5, root(5)).isSafe()).isTrue();
  }

  @Test
  void shouldRefuseADifferentBlockAtTheSameSlot() {
    block(protection, ALICE, 5, root(5));
    SigningDecision decision = block(protection, ALICE, 5, root(99));
    assertThat(decision.isSafe()).isFalse();
    assertThat(reason(decision))
        .startsWith("block at slot 5 conflicts with the one already signed at that slot")
        .contains(root(5).toHexString());
  }

  @Test
  void shouldRefuseABlockBeforeTheHighestSignedSlot() {
    block(protection, ALICE, 10, root(10));
    SigningDecision decision = block(protection, ALICE, 7, root(7));
    assertThat(reason(decision)).isEqualTo("block slot 7 is not after slot 10 already signed");
  }

  @Test
  void shouldRefuseAtTheLargestSlotOnceItIsSigned() {
    assertThat(protection.checkAndRecordBlock(ALICE, new Slot(UInt64.MAX_VALUE), root(1)).isSafe())
        .isTrue();
    assertThat(reason(block(protection, ALICE, 3, root(3))))
        .isEqualTo("block slot 3 is not after slot 18446744073709551615 already signed");
  }

  @Test
  void shouldKeepValidatorsApart() {
    block(protection, ALICE, 10, root(10));
    assertThat(block(protection, BOB, 3, root(3)).isSafe()).isTrue();
    assertThat(block(protection, BOB, 10, root(11)).isSafe()).isTrue();
  }

  @Test
  void shouldApplyTheRulePerShardForShardBlocks() {
    assertThat(shardBlock(protection, ALICE, 0, 10, root(10)).isSafe()).isTrue();
    assertThat(shardBlock(protection, ALICE, 1, 3, root(3)).isSafe()).isTrue();
    assertThat(shardBlock(protection, ALICE, 0, 10, root(10)).isSafe()).isTrue();
    assertThat(reason(shardBlock(protection, ALICE, 0, 10, root(77))))
        .startsWith("shard 0 block at slot 10 conflicts with the one already signed");
    assertThat(reason(shardBlock(protection, ALICE, 0, 9, root(9))))
        .isEqualTo("shard 0 block slot 9 is not after slot 10 already signed");
    assertThat(shardBlock(protection, ALICE, 1, 4, root(4)).isSafe()).isTrue();
  }

  @Test
  void shardBlocksAndBeaconBlocksShouldNotConstrainEachOther() {
    assertThat(block(protection, ALICE, 10, root(10)).isSafe()).isTrue();
    assertThat(shardBlock(protection, ALICE, 0, 3, root(3)).isSafe()).isTrue();
    assertThat(block(protection, ALICE, 11, root(3)).isSafe()).isTrue();
  }
}
