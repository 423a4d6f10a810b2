package io.basalt.testnet.l2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.execution.settlement.Quorum;
import io.basalt.execution.settlement.SettlementStore.Member;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class BlsCommitteeTest {

  private final BlsCommittee committee =
      BlsCommittee.derived("test/operators", List.of(1L, 2L, 3L), 4);
  private final Bytes32 digest = Bytes32.repeat((byte) 0x42);

  private List<Member> members() {
    List<Member> members = new ArrayList<>();
    for (int i = 0; i < committee.size(); i++) {
      members.add(new Member(committee.pubkeys().get(i), committee.weights().get(i)));
    }
    return members;
  }

  @Test
  void shouldRegisterAsAValidSetWithProofsOfPossession() {
    assertThat(
            Quorum.validateNewSet("operator", committee.weighted(), committee.proofsOfPossession()))
        .isEmpty();
  }

  @Test
  void shouldDeriveTheSameKeysFromTheSameSeedAndOthersFromAnother() {
    assertThat(BlsCommittee.derived("test/operators", List.of(1L, 2L, 3L), 4).pubkeys())
        .isEqualTo(committee.pubkeys());
    assertThat(BlsCommittee.derived("test/challengers", List.of(1L, 2L, 3L), 4).pubkeys())
        .doesNotContainAnyElementsOf(committee.pubkeys());
  }

  @Test
  void shouldSignAQuorumTheContractAccepts() {
    BlsCommittee.QuorumSignature signed = committee.signQuorum(digest);
    // Members 0, 1 and 2 in order: weight 1 + 2 + 3 = 6 reaches 4 only with all three.
    assertThat(signed.bitmap().toHexString()).isEqualTo("0x07");
    assertThat(Quorum.verify("operator", members(), 4, signed.bitmap(), signed.signature(), digest))
        .isEmpty();
  }

  @Test
  void shouldBeRefusedBelowTheThresholdOrOverAnotherDigest() {
    BlsCommittee.QuorumSignature light = committee.sign(digest, 2);
    assertThat(Quorum.verify("operator", members(), 4, light.bitmap(), light.signature(), digest))
        .contains("operator signers' weight 3 is below the threshold 4");
    BlsCommittee.QuorumSignature other = committee.sign(Bytes32.ZERO, 1, 2);
    assertThat(Quorum.verify("operator", members(), 4, other.bitmap(), other.signature(), digest))
        .contains("operator aggregate signature does not verify");
  }

  @Test
  void shouldRefuseUnknownOrMissingSigners() {
    assertThatThrownBy(() -> committee.sign(digest, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no member 3 in a committee of 3");
    assertThatThrownBy(() -> committee.sign(digest))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no signer named");
  }
}
