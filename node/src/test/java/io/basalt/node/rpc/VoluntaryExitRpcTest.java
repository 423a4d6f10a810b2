package io.basalt.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.beacon.datastructures.operations.VoluntaryExit;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.crypto.bls.Bls;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.signing.SigningHelpers;
import io.basalt.node.chain.NodeChain;
import io.basalt.node.validator.keys.ValidatorKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** beacon_submitVoluntaryExit: refused with a reason, or pooled, published and included. */
@ExtendWith(LiveNodeExtension.class)
class VoluntaryExitRpcTest {

  static LiveNode live;
  static NodeChain<?> chain;
  static SpecConfig config;

  @BeforeAll
  static void useNode(LiveNode shared) {
    live = shared;
    chain = shared.node.chain();
    config = chain.config();
  }

  @Test
  void voluntaryExitsAreValidatedPooledAndPublished() throws Exception {
    int index = 5;
    BeaconState state = live.headState();
    ValidatorKey key = keyOf(state, index);
    ValidatorKey other = keyOf(state, 6);

    RpcException badSignature =
        live.error("beacon_submitVoluntaryExit", exitJson(state, index, 0, other));
    assertThat(badSignature.code()).isEqualTo(RpcException.SERVER_ERROR);
    assertThat(badSignature.getMessage()).isEqualTo("voluntary exit refused: invalid signature");
    long current = chain.status().currentSlot().value().longValue() / config.slotsPerEpoch();
    RpcException future =
        live.error("beacon_submitVoluntaryExit", exitJson(state, index, current + 3, key));
    assertThat(future.getMessage()).contains("in the future");
    RpcException unknown = live.error("beacon_submitVoluntaryExit", exitJson(state, 40, 0, key));
    assertThat(unknown.getMessage()).contains("Unknown validator 40");
    assertThat(live.published).isEmpty();

    assertThat(live.call("beacon_submitVoluntaryExit", exitJson(state, index, 0, key)))
        .isEqualTo(true);
    assertThat(live.published).hasSize(1);
    assertThat(live.published.get(0).message().validatorIndex().value().longValue())
        .isEqualTo(index);
    // Pooled, then included by the next block: the validator's status becomes active_exiting.
    LiveNode.await(
        "validator " + index + " exiting",
        Duration.ofSeconds(30),
        () -> {
          try {
            JsonNode v = live.json("beacon_getValidator", Integer.toString(index));
            return v.get("status").asText().equals("active_exiting")
                ? Optional.of(v)
                : Optional.empty();
          } catch (RpcException e) {
            throw new AssertionError(e);
          }
        });
    assertThat(
            live.error("beacon_submitVoluntaryExit", exitJson(state, index, 0, key)).getMessage())
        .contains("already exiting");
    JsonNode exiting =
        live.json("beacon_getValidators", Map.of("statuses", List.of("active_exiting")));
    assertThat(exiting.get("validators"))
        .extracting(v -> v.get("index").asText())
        .containsExactly("5");
  }

  private static ValidatorKey keyOf(BeaconState state, int index) {
    Bytes pubkey = state.validators().get(index).pubkey();
    return live.keys.stream()
        .filter(k -> k.publicKey().toBytes().equals(pubkey))
        .findFirst()
        .orElseThrow();
  }

  static Map<String, Object> exitJson(BeaconState state, int index, long epoch, ValidatorKey key) {
    VoluntaryExit exit =
        new VoluntaryExit(Epoch.of(epoch), new ValidatorIndex(UInt64.valueOf(index)));
    Bytes32 domain =
        new BeaconStateAccessors(config)
            .getDomain(state, config.domainVoluntaryExit(), exit.epoch());
    Bytes32 root = new SigningHelpers().computeSigningRoot(exit.hashTreeRoot(), domain);
    return Map.of(
        "message",
        Map.of("epoch", Long.toString(epoch), "validator_index", Integer.toString(index)),
        "signature",
        Bls.sign(key.secretKey(), root).toBytes().toHexString());
  }
}
