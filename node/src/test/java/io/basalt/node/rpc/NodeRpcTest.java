package io.basalt.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.ShardId;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.signing.SigningHelpers;
import io.basalt.node.Node;
import io.basalt.node.chain.ChainEventBus;
import io.basalt.node.chain.NodeChain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Crosslinks, node identity, peers (with a second node) and the beacon event subscriptions; invalid
 * parameters named.
 */
@ExtendWith(LiveNodeExtension.class)
class NodeRpcTest {

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
  void crosslinksAndNodeInfoMatchTheNode() throws Exception {
    BeaconState state = live.headState();
    JsonNode crosslinks =
        live.json("beacon_getCrosslinks", state.latestBlockHeader().slot().value().toString());
    assertThat(crosslinks).hasSize(config.shardCount());
    for (int shard = 0; shard < config.shardCount(); shard++) {
      assertThat(crosslinks.get(shard).get("shard_block_root").asText())
          .isEqualTo(state.latestCrosslinks().get(shard).shardBlockRoot().toHexString());
    }

    JsonNode info = live.json("node_info");
    assertThat(info.get("peerId").asText()).isEqualTo(live.node.network().peerId().toBase58());
    assertThat(info.get("clientVersion").asText()).isEqualTo("basalt/test");
    assertThat(info.get("shardCount").asText()).isEqualTo("0x2");
    assertThat(info.get("chainIds"))
        .extracting(JsonNode::asText)
        .containsExactly(
            RpcHex.quantity(config.chainId(ShardId.of(0))),
            RpcHex.quantity(config.chainId(ShardId.of(1))));
    assertThat(info.get("genesisValidatorsRoot").asText())
        .isEqualTo(state.genesisValidatorsRoot().toHexString());
    assertThat(info.get("forkDigest").asText())
        .isEqualTo(
            new SigningHelpers()
                .computeForkDigest(config.genesisForkVersion(), state.genesisValidatorsRoot())
                .bytes()
                .toHexString());
    assertThat(info.get("listenAddresses").get(0).asText()).startsWith("/ip4/127.0.0.1/tcp/");
    assertThat(live.json("node_peers")).isEmpty();
    assertThat(live.call("node_syncing")).isEqualTo(false);
  }

  @Test
  void peersShowTheirAddressDirectionAndStatus() throws Exception {
    try (Node peer = live.startPeer()) {
      JsonNode seen =
          LiveNode.await(
              "the peer's status",
              Duration.ofSeconds(30),
              () -> {
                try {
                  JsonNode peers = live.json("node_peers");
                  return peers.size() == 1 && !peers.get(0).get("status").isNull()
                      ? Optional.of(peers.get(0))
                      : Optional.empty();
                } catch (RpcException e) {
                  throw new AssertionError(e);
                }
              });
      assertThat(seen.get("peerId").asText()).isEqualTo(peer.network().peerId().toBase58());
      assertThat(seen.get("direction").asText()).isEqualTo("inbound");
      assertThat(seen.get("address").asText()).startsWith("/ip4/127.0.0.1/tcp/");
      assertThat(seen.get("score").isInt()).isTrue();
      assertThat(seen.get("status").get("finalizedRoot").asText()).startsWith("0x");

      NodeWideRpc fromPeer =
          NodeWideRpc.create(peer.chain(), peer.network(), new ChainEventBus(), "basalt/peer");
      RpcMethod peers =
          fromPeer.methods().stream()
              .filter(m -> m.name().equals("node_peers"))
              .findFirst()
              .orElseThrow();
      JsonNode ours = LiveNode.JSON.valueToTree(peers.execute(live.context, RpcParams.empty()));
      assertThat(ours).hasSize(1);
      assertThat(ours.get(0).get("peerId").asText())
          .isEqualTo(live.node.network().peerId().toBase58());
      assertThat(ours.get(0).get("direction").asText()).isEqualTo("outbound");
    }
  }

  @Test
  void subscriptionsTurnChainEventsIntoBeaconEvents() throws Exception {
    List<Object> heads = new ArrayList<>();
    List<Object> finals = new ArrayList<>();
    NodeChain.Status status = chain.status();
    try (var head = live.kinds.get("head").subscribe(live.context, RpcParams.empty(), heads::add);
        var fin =
            live.kinds
                .get("finalized_checkpoint")
                .subscribe(live.context, RpcParams.empty(), finals::add)) {
      live.events.onBeaconHead(status.headRoot(), status.headSlot());
      live.events.onFinalizedCheckpoint(status.justified());
    }
    live.events.onFinalizedCheckpoint(status.justified()); // closed: not delivered
    assertThat(heads).hasSize(1);
    JsonNode event = LiveNode.JSON.valueToTree(heads.get(0));
    assertThat(event.get("block").asText()).isEqualTo(status.headRoot().toHexString());
    assertThat(event.get("slot").asText()).isEqualTo(status.headSlot().value().toString());
    assertThat(event.get("state").asText())
        .isEqualTo(
            chain
                .beacon()
                .store()
                .block(status.headRoot())
                .orElseThrow()
                .message()
                .stateRoot()
                .toHexString());
    assertThat(event.get("epoch_transition").asBoolean())
        .isEqualTo(status.headSlot().value().longValue() % config.slotsPerEpoch() == 0);
    assertThat(finals).hasSize(1);
    assertThat(LiveNode.JSON.valueToTree(finals.get(0)).get("root").asText())
        .isEqualTo(status.justified().root().toHexString());
    RpcException extra = live.error("beacon_getHead", "unexpected");
    assertThat(extra.code()).isEqualTo(RpcException.INVALID_PARAMS);
  }

  @Test
  void invalidParamsNameTheParameter() {
    assertThat(live.error("beacon_getValidator", true).getMessage()).contains("validatorId");
    assertThat(live.error("beacon_getValidator").getMessage()).contains("validatorId");
    assertThat(live.error("beacon_getValidator", "0x1234").getMessage()).contains("validatorId");
    assertThat(live.error("beacon_getBlock", "0x12").getMessage()).contains("blockId");
    assertThat(live.error("beacon_getFinalityCheckpoints", "tip").getMessage()).contains("stateId");
    assertThat(live.error("beacon_getCommittees", "-1").getMessage()).contains("epoch");
    assertThat(live.error("beacon_getProposerDuties", "01").getMessage()).contains("epoch");
    assertThat(live.error("beacon_getCrosslinks", List.of()).getMessage()).contains("stateId");
    assertThat(live.error("shard_getCrossShardTransfer", "0x12").getMessage())
        .contains("transactionHash");
    assertThat(live.error("beacon_submitVoluntaryExit", Map.of("message", Map.of())).getMessage())
        .contains("signedVoluntaryExit");
    assertThat(live.error("beacon_getValidators", Map.of("colour", "red")).getMessage())
        .contains("filter")
        .contains("colour");
    for (String method :
        List.of("beacon_getValidator", "beacon_getBlock", "shard_getCrossShardTransfer")) {
      assertThat(live.error(method, Map.of("x", 1)).code()).isEqualTo(RpcException.INVALID_PARAMS);
    }
  }
}
