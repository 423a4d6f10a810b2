package io.basalt.node.validator.slashing;

import static io.basalt.node.validator.slashing.SlashingFixtures.ALICE;
import static io.basalt.node.validator.slashing.SlashingFixtures.GENESIS_ROOT;
import static io.basalt.node.validator.slashing.SlashingFixtures.attest;
import static io.basalt.node.validator.slashing.SlashingFixtures.block;
import static io.basalt.node.validator.slashing.SlashingFixtures.reason;
import static io.basalt.node.validator.slashing.SlashingFixtures.root;
import static io.basalt.node.validator.slashing.SlashingFixtures.shardBlock;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.types.ShardId;
import io.basalt.common.types.UInt64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rules once an import has set low watermarks (block slot 20, source 5, target 8). */
class WatermarkTest {

  private final KvSlashingProtection protection = SlashingFixtures.inMemory();

  @AfterEach
  void close() {
    protection.close();
  }

  private void importMinimal() {
    new InterchangeImporter(protection)
        .importInterchange(
            new Interchange(
                new InterchangeMetadata(5, GENESIS_ROOT),
                List.of(
                    new InterchangeData(
                        ALICE.toBytes(),
                        List.of(new InterchangeBlock(UInt64.valueOf(20), Optional.empty())),
                        List.of(
                            new InterchangeAttestation(
                                UInt64.valueOf(5), UInt64.valueOf(8), Optional.empty())),
                        List.of(
                            new InterchangeShardBlock(
                                ShardId.of(2), UInt64.valueOf(30), Optional.of(root(30))))))));
  }

  @Test
  void shouldRefuseBlocksAtOrBelowTheWatermark() {
    importMinimal();
    assertThat(reason(block(protection, ALICE, 19, root(19))))
        .isEqualTo(
            "block slot 19 is at or below the low watermark slot 20 set by an interchange import");
    assertThat(reason(block(protection, ALICE, 20, root(20))))
        .startsWith("block at slot 20 conflicts with the one already signed at that slot")
        .contains("signing root is unknown");
    assertThat(block(protection, ALICE, 21, root(21)).isSafe()).isTrue();
  }

  @Test
  void shouldRefuseAttestationsBelowTheWatermarks() {
    importMinimal();
    assertThat(reason(attest(protection, ALICE, 4, 9, root(9))))
        .isEqualTo(
            "attestation with source 4 target 9 has its source below the low watermark source"
                + " epoch 5 set by an interchange import");
    assertThat(reason(attest(protection, ALICE, 6, 7, root(7))))
        .isEqualTo(
            "attestation with source 6 target 7 has its target at or below the low watermark"
                + " target epoch 8 set by an interchange import");
    assertThat(reason(attest(protection, ALICE, 5, 8, root(8))))
        .startsWith("double vote: attestation with source 5 target 8");
    assertThat(attest(protection, ALICE, 5, 9, root(9)).isSafe()).isTrue();
    assertThat(attest(protection, ALICE, 8, 10, root(10)).isSafe()).isTrue();
  }

  @Test
  void shouldApplyTheShardWatermarkButAllowTheIdenticalReSign() {
    importMinimal();
    assertThat(shardBlock(protection, ALICE, 2, 30, root(30)).isSafe()).isTrue();
    assertThat(reason(shardBlock(protection, ALICE, 2, 29, root(29))))
        .isEqualTo(
            "shard 2 block slot 29 is at or below the low watermark slot 30 set by an interchange"
                + " import");
    assertThat(shardBlock(protection, ALICE, 2, 31, root(31)).isSafe()).isTrue();
    assertThat(shardBlock(protection, ALICE, 3, 1, root(1)).isSafe()).isTrue();
  }

  @Test
  void shouldNeverLowerAWatermark() {
    importMinimal();
    new InterchangeImporter(protection)
        .importInterchange(
            new Interchange(
                new InterchangeMetadata(5, GENESIS_ROOT),
                List.of(
                    new InterchangeData(
                        ALICE.toBytes(),
                        List.of(new InterchangeBlock(UInt64.valueOf(3), Optional.of(root(3)))),
                        List.of(
                            new InterchangeAttestation(
                                UInt64.valueOf(1), UInt64.valueOf(2), Optional.of(root(2)))),
                        List.of()))));
    assertThat(block(protection, ALICE, 19, root(19)).isSafe()).isFalse();
    assertThat(attest(protection, ALICE, 6, 7, root(7)).isSafe()).isFalse();
    // the newly imported identical messages may be re-signed
    assertThat(block(protection, ALICE, 3, root(3)).isSafe()).isTrue();
    assertThat(attest(protection, ALICE, 1, 2, root(2)).isSafe()).isTrue();
  }
}
