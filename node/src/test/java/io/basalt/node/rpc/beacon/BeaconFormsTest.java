package io.basalt.node.rpc.beacon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.basalt.beacon.state.Validator;
import io.basalt.common.ssz.Bits;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.consensus.types.Checkpoint;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.bytes.Bytes48;
import org.junit.jupiter.api.Test;

/** The beacon namespace's parameter forms, statuses and JSON encoding, without a node. */
class BeaconFormsTest {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  @Test
  void stateIdsParseEveryForm() {
    assertThat(StateId.PARAM.parse(F.textNode("head"))).isEqualTo(StateId.HEAD);
    assertThat(StateId.PARAM.parse(F.textNode("finalized"))).isEqualTo(StateId.FINALIZED);
    assertThat(StateId.PARAM.parse(F.textNode("12"))).isEqualTo(StateId.slot(12));
    assertThat(StateId.PARAM.parse(F.numberNode(12))).isEqualTo(StateId.slot(12));
    Bytes32 root = Bytes32.repeat((byte) 0xab);
    assertThat(StateId.PARAM.parse(F.textNode(root.toHexString())))
        .isEqualTo(new StateId.AtRoot(root));
    assertThatThrownBy(() -> StateId.PARAM.parse(F.textNode("0xabcd")))
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> StateId.PARAM.parse(F.textNode("tip")))
        .hasMessageContaining("not a decimal");
    assertThatThrownBy(() -> StateId.PARAM.parse(F.booleanNode(true)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void uint64IsStrictDecimal() {
    assertThat(BeaconParams.UINT64.parse(F.textNode("18446744073709551615")))
        .isEqualTo(UInt64.MAX_VALUE);
    for (String bad : new String[] {"", "-1", "01", "1e3", "18446744073709551616", "0x10"}) {
      assertThatThrownBy(() -> BeaconParams.UINT64.parse(F.textNode(bad)))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> BeaconParams.UINT64.parse(F.numberNode(-3)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BeaconParams.INDEX.parse(F.textNode("4294967296")))
        .hasMessageContaining("too large");
  }

  @Test
  void statusesFollowTheBeaconApi() {
    Epoch now = Epoch.of(10);
    Validator active = validator(Epoch.of(0), Epoch.of(0), far(), far(), false);
    Gwei balance = new Gwei(UInt64.valueOf(32_000_000_000L));
    assertThat(ValidatorStatus.of(active, balance, now)).isEqualTo(ValidatorStatus.ACTIVE_ONGOING);
    assertThat(ValidatorStatus.of(validator(far(), far(), far(), far(), false), balance, now))
        .isEqualTo(ValidatorStatus.PENDING_INITIALIZED);
    assertThat(
            ValidatorStatus.of(
                validator(Epoch.of(9), Epoch.of(11), far(), far(), false), balance, now))
        .isEqualTo(ValidatorStatus.PENDING_QUEUED);
    Validator exiting = validator(Epoch.of(0), Epoch.of(0), Epoch.of(12), Epoch.of(20), false);
    assertThat(ValidatorStatus.of(exiting, balance, now)).isEqualTo(ValidatorStatus.ACTIVE_EXITING);
    assertThat(ValidatorStatus.of(exiting.withSlashed(true), balance, now))
        .isEqualTo(ValidatorStatus.ACTIVE_SLASHED);
    assertThat(ValidatorStatus.of(exiting, balance, Epoch.of(15)))
        .isEqualTo(ValidatorStatus.EXITED_UNSLASHED);
    assertThat(ValidatorStatus.of(exiting.withSlashed(true), balance, Epoch.of(15)))
        .isEqualTo(ValidatorStatus.EXITED_SLASHED);
    assertThat(ValidatorStatus.of(exiting, balance, Epoch.of(20)))
        .isEqualTo(ValidatorStatus.WITHDRAWAL_POSSIBLE);
    assertThat(ValidatorStatus.of(exiting, new Gwei(UInt64.ZERO), Epoch.of(20)))
        .isEqualTo(ValidatorStatus.WITHDRAWAL_DONE);
    assertThat(ValidatorStatus.ACTIVE_EXITING.matches("active")).isTrue();
    assertThat(ValidatorStatus.ACTIVE_EXITING.matches("exited")).isFalse();
    assertThat(ValidatorStatus.isKnownFilter("withdrawal_done")).isTrue();
    assertThat(ValidatorStatus.isKnownFilter("asleep")).isFalse();
  }

  @Test
  void jsonUsesDecimalStringsSnakeCaseAndSszBitlists() {
    Object json = BeaconJson.of(new Checkpoint(Epoch.of(3), Bytes32.ZERO));
    assertThat(json).isEqualTo(Map.of("epoch", "3", "root", Bytes32.ZERO.toHexString()));
    assertThat(BeaconJson.of(new Slot(UInt64.MAX_VALUE))).isEqualTo("18446744073709551615");
    // 3 bits 1,0,1 then the length bit at position 3: 0b1101.
    assertThat(BeaconJson.of(Bits.of(true, false, true))).isEqualTo("0x0d");
    // 8 bits: the length bit opens a second byte.
    assertThat(BeaconJson.of(Bits.zeros(8))).isEqualTo("0x0001");
    JsonNode validator =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .valueToTree(BeaconJson.of(validator(Epoch.of(0), Epoch.of(1), far(), far(), false)));
    assertThat(validator.get("activation_eligibility_epoch").asText()).isEqualTo("0");
    assertThat(validator.get("exit_epoch").asText()).isEqualTo("18446744073709551615");
    assertThat(validator.get("slashed").asBoolean()).isFalse();
  }

  private static Epoch far() {
    return Validator.FAR_FUTURE_EPOCH;
  }

  private static Validator validator(
      Epoch eligible, Epoch activation, Epoch exit, Epoch withdrawable, boolean slashed) {
    return new Validator(
        Bytes48.ZERO,
        Bytes32.ZERO,
        new Gwei(UInt64.valueOf(32_000_000_000L)),
        slashed,
        eligible,
        activation,
        exit,
        withdrawable);
  }
}
