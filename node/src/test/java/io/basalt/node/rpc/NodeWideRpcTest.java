package io.basalt.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.datastructures.operations.VoluntaryExit;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.Validator;
import io.basalt.common.crypto.bls.Bls;
import io.basalt.common.types.Address;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.signing.SigningHelpers;
import io.basalt.execution.transaction.Eip1559Transaction;
import io.basalt.node.Node;
import io.basalt.node.chain.ChainEventBus;
import io.basalt.node.chain.NodeChain;
import io.basalt.node.validator.keys.ValidatorKey;
import io.basalt.shard.datastructures.SignedShardBlock;
import io.basalt.shard.mempool.AddResult;
import io.basalt.shard.store.TransactionLocation;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The beacon and node methods against one running node (real database, sockets and validator
 * client), each result checked against the chain itself. Ordered: later tests need a longer chain.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeWideRpcTest {

  @TempDir static Path dir;
  static LiveNode live;
  static NodeChain<?> chain;
  static SpecConfig config;

  @BeforeAll
  static void startNode() throws Exception {
    live = LiveNode.start(dir);
    chain = live.node.chain();
    config = chain.config();
    live.awaitHeadSlot(3, Duration.ofSeconds(60));
  }

  @AfterAll
  static void stopNode() {
    if (live != null) {
      live.close();
    }
  }

  private static BeaconState headState() {
    return chain.executor().call(() -> chain.beacon().headState());
  }

  @Test
  @Order(1)
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
  @Order(2)
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
  @Order(3)
  void validatorsAreFilteredAndPaged() throws Exception {
    BeaconState state = headState();
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

    JsonNode active = live.json("beacon_getValidators", Map.of("statuses", List.of("active")));
    assertThat(active.get("total").asText()).isEqualTo("16");
    JsonNode pending =
        live.json("beacon_getValidators", Map.of("statuses", List.of("pending_queued", "exited")));
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
  @Order(4)
  void committeesCoverEveryActiveValidatorOnceAndMatchTheState() throws Exception {
    long epoch = chain.status().headSlot().value().longValue() / config.slotsPerEpoch();
    JsonNode committees = live.json("beacon_getCommittees", Long.toString(epoch));
    assertThat(committees).hasSize(config.slotsPerEpoch() * config.shardCount());
    List<String> members = new ArrayList<>();
    committees.forEach(c -> c.get("validators").forEach(v -> members.add(v.asText())));
    assertThat(members).hasSize(LiveNode.VALIDATORS).doesNotHaveDuplicates();

    // The head state at its own slot: committees of the head's epoch.
    BeaconState state = headState();
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
  @Order(5)
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

  @Test
  @Order(6)
  void crosslinksAndNodeInfoMatchTheNode() throws Exception {
    BeaconState state = headState();
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
  @Order(7)
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
  @Order(8)
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

  @Test
  @Order(9)
  void voluntaryExitsAreValidatedPooledAndPublished() throws Exception {
    int index = 5;
    BeaconState state = headState();
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

  @Test
  @Order(15)
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
  @Order(20)
  void finalityCheckpointsAdvanceAsTheChainFinalizes() throws Exception {
    JsonNode genesisCheckpoints = live.json("beacon_getFinalityCheckpoints", "genesis");
    assertThat(genesisCheckpoints.get("finalized").get("epoch").asText()).isEqualTo("0");
    LiveNode.await(
        "finalized epoch 1",
        Duration.ofSeconds(120),
        () ->
            chain.status().finalized().epoch().isAfter(Epoch.ZERO)
                ? Optional.of(true)
                : Optional.empty());
    JsonNode head = live.json("beacon_getFinalityCheckpoints");
    long finalized = head.get("finalized").get("epoch").asLong();
    assertThat(finalized).isGreaterThanOrEqualTo(1);
    assertThat(head.get("current_justified").get("epoch").asLong()).isGreaterThan(finalized);
    JsonNode byFinalized = live.json("beacon_getFinalityCheckpoints", "finalized");
    assertThat(byFinalized.get("finalized").get("epoch").asLong()).isLessThanOrEqualTo(finalized);
    JsonNode headInfo = live.json("beacon_getHead");
    assertThat(headInfo.get("finalized").get("epoch").asLong()).isGreaterThanOrEqualTo(1);
    JsonNode finalizedBlock = live.json("beacon_getBlock", "finalized");
    assertThat(finalizedBlock.get("root").asText())
        .isEqualTo(chain.beacon().finalizedCheckpoint().root().toHexString());
    assertThat(live.json("beacon_getCrosslinks", "finalized")).hasSize(config.shardCount());
  }

  @Test
  @Order(10)
  void crossShardTransferIsFollowedUntilDelivered() throws Exception {
    Address recipient = Address.fromHexString("0x00000000000000000000000000000000000c0ffe");
    BigInteger value = DevTransactions.ETHER.multiply(BigInteger.valueOf(3));
    Eip1559Transaction tx =
        DevTransactions.crossShardTransfer(
            config, live.accounts.get(0), ShardId.of(0), 0, 1, recipient, value);
    Eip1559Transaction plain =
        DevTransactions.transfer(
            config, live.accounts.get(1), ShardId.of(0), 0, recipient, DevTransactions.ETHER);
    assertThat(chain.executor().call(() -> chain.shards().addTransaction(ShardId.of(0), tx)))
        .isInstanceOf(AddResult.Added.class);
    assertThat(chain.executor().call(() -> chain.shards().addTransaction(ShardId.of(0), plain)))
        .isInstanceOf(AddResult.Added.class);
    assertThat(live.call("shard_getCrossShardTransfer", tx.hash().toHexString())).isNull();

    List<String> seen = new ArrayList<>();
    JsonNode delivered =
        LiveNode.await(
            "delivery",
            Duration.ofSeconds(60),
            () -> {
              try {
                JsonNode t = live.json("shard_getCrossShardTransfer", tx.hash().toHexString());
                if (t.isNull()) {
                  return Optional.empty();
                }
                String status = t.get("status").asText();
                if (seen.isEmpty() || !seen.getLast().equals(status)) {
                  seen.add(status);
                }
                return status.equals("delivered") ? Optional.of(t) : Optional.empty();
              } catch (RpcException e) {
                throw new AssertionError(e);
              }
            });
    assertThat(List.of("pending_crosslink", "crosslinked", "delivered")).containsSubsequence(seen);
    assertThat(seen).startsWith("pending_crosslink").endsWith("delivered");

    TransactionLocation location =
        chain.shards().chain(ShardId.of(0)).transactionLocation(tx.hash()).orElseThrow();
    JsonNode source = delivered.get("source");
    assertThat(source.get("shard").asText()).isEqualTo("0x0");
    assertThat(source.get("blockHash").asText()).isEqualTo(location.blockRoot().toHexString());
    assertThat(source.get("transactionIndex").asText())
        .isEqualTo(RpcHex.quantity(location.index()));
    assertThat(source.get("from").asText())
        .isEqualTo(live.accounts.get(0).address().bytes().toHexString());
    JsonNode destination = delivered.get("destination");
    assertThat(destination.get("shard").asText()).isEqualTo("0x1");
    assertThat(destination.get("recipient").asText()).isEqualTo(recipient.bytes().toHexString());
    assertThat(destination.get("value").asText()).isEqualTo(RpcHex.quantity(value));
    assertThat(destination.get("receiptIndex").asText()).isEqualTo("0x0");
    SignedShardBlock deliveringBlock =
        chain
            .shards()
            .chain(ShardId.of(1))
            .block(Bytes32.fromHexString(destination.get("blockHash").asText()))
            .orElseThrow();
    assertThat(deliveringBlock.message().body().incomingReceipts())
        .anyMatch(r -> r.receipt().sourceTxHash().equals(tx.hash()));
    JsonNode crosslink = delivered.get("crosslink");
    BeaconState crosslinking =
        chain
            .executor()
            .call(
                () -> {
                  Bytes32 root = Bytes32.fromHexString(crosslink.get("beaconBlockRoot").asText());
                  return chain
                      .beacon()
                      .stateAt(root, chain.beacon().store().summary(root).orElseThrow().slot())
                      .orElseThrow();
                });
    assertThat(crosslinking.latestCrosslinks().get(0).slot().value().longValue())
        .isGreaterThanOrEqualTo(Long.decode(source.get("slot").asText()));

    RpcException notTransfer =
        LiveNode.await(
            "plain transfer included",
            Duration.ofSeconds(20),
            () -> {
              try {
                live.call("shard_getCrossShardTransfer", plain.hash().toHexString());
                return Optional.empty();
              } catch (RpcException e) {
                return Optional.of(e);
              }
            });
    assertThat(notTransfer.code()).isEqualTo(RpcException.SERVER_ERROR);
    assertThat(notTransfer.getMessage()).contains("is not a cross-shard transfer");
  }

  @Test
  @Order(30)
  void docsDescribeEveryMethodWithAWorkingExample() throws Exception {
    Map<String, RpcDocs.Section> sections = RpcDocs.read();
    assertThat(sections.keySet())
        .containsAll(live.methods.keySet())
        .containsAll(live.kinds.keySet());
    for (String name : live.methods.keySet()) {
      RpcDocs.Section section = sections.get(name);
      assertThat(section.text()).as(name).contains("Parameters:").contains("Result:");
      JsonNode body = RpcDocs.curlBody(section);
      assertThat(body.get("jsonrpc").asText()).isEqualTo("2.0");
      assertThat(body.get("method").asText()).as(name).isEqualTo(name);
      try {
        live.methods.get(name).execute(live.context, RpcParams.of(body.get("params")));
      } catch (RpcException e) {
        assertThat(e.code()).as(name + ": " + e.getMessage()).isEqualTo(RpcException.SERVER_ERROR);
      }
    }
    for (String kind : live.kinds.keySet()) {
      assertThat(sections.get(kind).bashBlocks()).as(kind).hasSize(1);
      assertThat(sections.get(kind).bashBlocks().get(0)).contains("eth_subscribe").contains(kind);
    }
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
