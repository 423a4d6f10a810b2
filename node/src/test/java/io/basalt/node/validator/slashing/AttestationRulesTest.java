package io.basalt.node.validator.slashing;

import static io.basalt.node.validator.slashing.SlashingFixtures.ALICE;
import static io.basalt.node.validator.slashing.SlashingFixtures.BOB;
import static io.basalt.node.validator.slashing.SlashingFixtures.attest;
import static io.basalt.node.validator.slashing.SlashingFixtures.reason;
import static io.basalt.node.validator.slashing.SlashingFixtures.root;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.types.Epoch;
import io.basalt.common.types.UInt64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AttestationRulesTest {

  private final KvSlashingProtection protection = SlashingFixtures.inMemory();

  @AfterEach
  void close() {
    protection.close();
  }

  @Test
  void shouldAcceptAChainOfAttestations() {
    assertThat(attest(protection, ALICE, 0, 0, root(0)).isSafe()).isTrue();
    assertThat(attest(protection, ALICE, 0, 1, root(1)).isSafe()).isTrue();
    assertThat(attest(protection, ALICE, 1, 2, root(2)).isSafe()).isTrue();
    assertThat(attest(protection, ALICE, 2, 5, root(5)).isSafe()).isTrue();
  }

  @Test
  void shouldAllowReSigningTheIdenticalAttestation() {
    attest(protection, ALICE, 1, 2, root(2));
    attest(protection, ALICE, 2, 3, root(3));
    assertThat(attest(protection, ALICE, 1, 2, root(2)).isSafe()).isTrue();
  }

  @Test
  void shouldRefuseASourceAfterItsTarget() {
    assertThat(reason(attest(protection, ALICE, 4, 3, root(3))))
        .isEqualTo("attestation source 4 is after its target 3");
  }

  @Test
  void shouldRefuseADoubleVote() {
    attest(protection, ALICE, 1, 2, root(2));
    assertThat(reason(attest(protection, ALICE, 1, 2, root(99))))
        .isEqualTo(
            "double vote: attestation with source 1 target 2 has the target of the one signed"
                + " with source 1 target 2 and a different signing root");
    assertThat(reason(attest(protection, ALICE, 0, 2, root(2))))
        .startsWith("double vote: attestation with source 0 target 2");
  }

  @Test
  void shouldRefuseASurroundingVote() {
    attest(protection, ALICE, 10, 11, root(11));
    assertThat(reason(attest(protection, ALICE, 9, 12, root(12))))
        .isEqualTo(
            "attestation with source 9 target 12 surrounds the one signed with source 10 target"
                + " 11");
  }

  @Test
  void shouldRefuseASurroundedVote() {
    attest(protection, ALICE, 2, 9, root(9));
    assertThat(reason(attest(protection, ALICE, 3, 4, root(4))))
        .isEqualTo(
            "attestation with source 3 target 4 is surrounded by the one signed with source 2"
                + " target 9");
  }

  @Test
  void shouldAcceptVotesThatNeitherSurroundNorDouble() {
    attest(protection, ALICE, 2, 9, root(9));
    // Same source, lower target: not surrounded (source is not strictly greater).
    assertThat(attest(protection, ALICE, 2, 4, root(4)).isSafe()).isTrue();
    // Lower target with a lower source: no rule forbids it.
    assertThat(attest(protection, ALICE, 1, 3, root(3)).isSafe()).isTrue();
    // Same source, higher target.
    assertThat(attest(protection, ALICE, 2, 12, root(12)).isSafe()).isTrue();
  }

  @Test
  void shouldFindSurroundsAtTheExtremesOfTheEpochRange() {
    Epoch max = new Epoch(UInt64.MAX_VALUE);
    assertThat(protection.checkAndRecordAttestation(ALICE, Epoch.ZERO, max, root(1)).isSafe())
        .isTrue();
    assertThat(reason(attest(protection, ALICE, 1, 2, root(2))))
        .isEqualTo(
            "attestation with source 1 target 2 is surrounded by the one signed with source 0"
                + " target 18446744073709551615");
  }

  @Test
  void shouldKeepValidatorsApart() {
    attest(protection, ALICE, 10, 11, root(11));
    assertThat(attest(protection, BOB, 9, 12, root(12)).isSafe()).isTrue();
  }
}
