package io.basalt.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.helpers.Predicates;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.Validator;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.node.chain.NodeChain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The beacon read methods against the running node, each result checked against the chain. */
@ExtendWith(LiveNodeExtension.class)
class BeaconReadRpcTest {

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
  void headIsTheForkChoiceHead() throws Exception {
    JsonNode head = null;
    NodeChain.Status before = null;
    NodeChain.Status after = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      before = chain.status();
      head = live.json("beacon_getHead");
      after = chain.status();
      if (before.headRoot().equals(after.headRoot())) {
        break; // no block arrived during the call
      }
    }
    assertThat(before.headRoot()).isEqualTo(after.headRoot());
    assertThat(head.get("root").asText()).isEqualTo(after.headRoot().toHexString());
    assertThat(head.get("slot").asText()).isEqualTo(after.headSlot().value().toString());
    assertThat(head.get("epoch").asText())
        .isEqualTo(Long.toString(after.headSlot().value().longValue() / config.slotsPerEpoch()));
    SignedBeaconBlock block = chain.beacon().store().block(after.headRoot()).orElseThrow();
    assertThat(head.get("state_root").asText())
        .isEqualTo(block.message().stateRoot().toHexString());
    assertThat(head.get("parent_root").asText())
        .isEqualTo(block.message().parentRoot().toHexString());
    assertThat(head.get("finalized").get("epoch").asText())
        .isEqualTo(after.finalized().epoch().value().toString());
    assertThat(head.get("current_justified").get("root").asText())
        .isEqualTo(after.justified().root().toHexString());
  }

  @Test
  void blocksBySlotRootAndTagAgree() throws Exception {
    String headSlot = chain.status().headSlot().value().toString();
    JsonNode bySlot = live.json("beacon_getBlock", headSlot);
    assertThat(bySlot.get("message").get("slot").asText()).isEqualTo(headSlot);
    JsonNode byRoot = live.json("beacon_getBlock", bySlot.get("root").asText());
    assertThat(byRoot).isEqualTo(bySlot);
    SignedBeaconBlock stored =
        chain
            .beacon()
            .store()
            .block(Bytes32.fromHexString(bySlot.get("root").asText()))
            .orElseThrow();
    assertThat(bySlot.get("message").get("proposer_index").asText())
        .isEqualTo(stored.message().proposerIndex().value().toString());
    assertThat(bySlot.get("signature").asText()).isEqualTo(stored.signature().toHexString());
    assertThat(bySlot.get("message").get("body").get("attestations").isArray()).isTrue();
    assertThat(chain.beacon().schemas().beaconBlock().hashTreeRoot(stored.message()).toHexString())
        .isEqualTo(bySlot.get("root").asText());

    JsonNode genesis = live.json("beacon_getBlock", "genesis");
    assertThat(genesis.get("root").asText())
        .isEqualTo(chain.beacon().store().genesisRoot().toHexString());
    assertThat(live.json("beacon_getBlock").get("message").get("slot").asLong())
        .isGreaterThanOrEqualTo(Long.parseLong(headSlot));
    assertThat(live.call("beacon_getBlock", Bytes32.repeat((byte) 7).toHexString())).isNull();
    assertThat(live.call("beacon_getBlock", "100000000")).isNull();
  }

  @Test
  void validatorsAreFilteredAndPaged() throws Exception {
    BeaconState state = live.headState();
    JsonNode one = live.json("beacon_getValidator", "3");
    Validator three = state.validators().get(3);
    assertThat(one.get("index").asText()).isEqualTo("3");
    assertThat(one.get("status").asText()).isEqualTo("active_ongoing");
    assertThat(one.get("validator").get("pubkey").asText()).isEqualTo(three.pubkey().toHexString());
    assertThat(one.get("validator").get("exit_epoch").asText())
        .isEqualTo(Long.toUnsignedString(-1L));
    assertThat(live.json("beacon_getValidator", three.pubkey().toHexString())).isEqualTo(one);
    assertThat(live.call("beacon_getValidator", "16")).isNull();

    JsonNode page = live.json("beacon_getValidators", Map.of("limit", 5));
    assertThat(page.get("validators")).hasSize(5);
    assertThat(page.get("total").asText()).isEqualTo("16");
    assertThat(page.get("next_offset").asText()).isEqualTo("5");
    JsonNode last = live.json("beacon_getValidators", Map.of("offset", "15", "limit", "5"));
    assertThat(last.get("validators")).hasSize(1);
    assertThat(last.get("validators").get(0).get("index").asText()).isEqualTo("15");
    assertThat(last.get("next_offset").isNull()).isTrue();

    // Pinned to the state read above (another test class may have exited a validator since).
    String at = state.slot().value().toString();
    JsonNode active =
        live.json("beacon_getValidators", Map.of("statuses", List.of("active"), "stateId", at));
    assertThat(active.get("total").asText()).isEqualTo(Long.toString(activeCount(state)));
    JsonNode pending =
        live.json(
            "beacon_getValidators",
            Map.of("statuses", List.of("pending_initialized", "pending_queued")));
    assertThat(pending.get("total").asText()).isEqualTo("0");
    assertThat(pending.get("validators")).isEmpty();
    JsonNode ids =
        live.json(
            "beacon_getValidators",
            Map.of("ids", List.of("9", state.validators().get(2).pubkey().toHexString(), "99")));
    assertThat(ids.get("validators"))
        .extracting(v -> v.get("index").asText())
        .containsExactly("2", "9");

    RpcException cap = live.error("beacon_getValidators", Map.of("limit", 5000));
    assertThat(cap.code()).isEqualTo(RpcException.INVALID_PARAMS);
    assertThat(cap.getMessage()).contains("filter").contains("1000");
    RpcException status =
        live.error("beacon_getValidators", Map.of("statuses", List.of("sleeping")));
    assertThat(status.getMessage()).contains("filter").contains("sleeping");
  }

  @Test
  void committeesCoverEveryActiveValidatorOnceAndMatchTheState() throws Exception {
    long epoch = chain.status().headSlot().value().longValue() / config.slotsPerEpoch();
    JsonNode committees = live.json("beacon_getCommittees", Long.toString(epoch));
    assertThat(committees).hasSize(config.slotsPerEpoch() * config.shardCount());
    List<String> members = new ArrayList<>();
    committees.forEach(c -> c.get("validators").forEach(v -> members.add(v.asText())));
    assertThat(members).hasSize((int) activeCount(live.headState())).doesNotHaveDuplicates();

    // The head state at its own slot: committees of the head's epoch.
    BeaconState state = live.headState();
    Slot slot = state.slot();
    long stateEpoch = slot.value().longValue() / config.slotsPerEpoch();
    List<ValidatorIndex> expected =
        new BeaconStateAccessors(config).getBeaconCommittee(state, slot, ShardId.of(1));
    JsonNode filtered =
        live.json("beacon_getCommittees", Long.toString(stateEpoch), slot.value().toString(), "1");
    assertThat(filtered).hasSize(1);
    assertThat(filtered.get(0).get("validators"))
        .extracting(JsonNode::asText)
        .containsExactlyElementsOf(expected.stream().map(v -> v.value().toString()).toList());

    RpcException far = live.error("beacon_getCommittees", Long.toString(epoch + 5));
    assertThat(far.code()).isEqualTo(RpcException.SERVER_ERROR);
    assertThat(far.getMessage()).contains("more than one epoch");
    assertThat(live.error("beacon_getCommittees", "0", "99").getMessage()).contains("slot");
  }

  @Test
  void proposerDutiesNameTheProposersOfTheBlocks() throws Exception {
    int epoch = 1;
    int first = epoch * config.slotsPerEpoch();
    live.awaitHeadSlot(first + 4, Duration.ofSeconds(30));
    JsonNode duties = live.json("beacon_getProposerDuties", Integer.toString(epoch));
    assertThat(duties.get("duties")).hasSize(config.slotsPerEpoch());
    int checked = 0;
    int blockSlot = -1;
    Bytes32 blockRoot = null;
    for (int slot = first; slot <= first + 4; slot++) {
      JsonNode block = live.json("beacon_getBlock", Integer.toString(slot));
      if (block.isNull()) {
        continue; // nobody proposed at this slot
      }
      JsonNode duty = duties.get("duties").get(slot - first);
      assertThat(duty.get("slot").asText()).isEqualTo(Integer.toString(slot));
      assertThat(duty.get("validator_index").asText())
          .isEqualTo(block.get("message").get("proposer_index").asText());
      checked++;
      blockSlot = slot;
      blockRoot = Bytes32.fromHexString(block.get("root").asText());
    }
    assertThat(checked).isGreaterThanOrEqualTo(3);
    // Every shard has a committee each slot with 16 validators: one shard proposer per shard.
    assertThat(duties.get("shard_duties")).hasSize(config.slotsPerEpoch() * config.shardCount());
    Slot at = Slot.of(blockSlot);
    Bytes32 root = blockRoot;
    BeaconState state = chain.executor().call(() -> chain.beacon().stateAt(root, at)).orElseThrow();
    ValidatorIndex proposer =
        new BeaconStateAccessors(config).getShardProposerIndex(state, at, ShardId.of(1));
    JsonNode shardDuty =
        duties.get("shard_duties").get((blockSlot - first) * config.shardCount() + 1);
    assertThat(shardDuty.get("shard").asText()).isEqualTo("1");
    assertThat(shardDuty.get("slot").asText()).isEqualTo(Integer.toString(blockSlot));
    assertThat(shardDuty.get("validator_index").asText()).isEqualTo(proposer.value().toString());
  }

  /** Validators active in the state's epoch, by the spec's predicate. */
  private static long activeCount(BeaconState state) {
    Epoch epoch = Epoch.of(state.slot().value().longValue() / config.slotsPerEpoch());
    Predicates predicates = new Predicates(config);
    long count = 0;
    for (long i = 0; i < state.validators().size(); i++) {
      if (predicates.isActiveValidator(state.validators().get(i), epoch)) {
        count++;
      }
    }
    return count;
  }
}
