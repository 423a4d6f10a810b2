package io.basalt.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.Address;
import io.basalt.common.types.ShardId;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.execution.transaction.Eip1559Transaction;
import io.basalt.node.chain.NodeChain;
import io.basalt.shard.datastructures.SignedShardBlock;
import io.basalt.shard.mempool.AddResult;
import io.basalt.shard.store.TransactionLocation;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * shard_getCrossShardTransfer follows a CrossShard.transfer signed by a dev account to delivery.
 */
@ExtendWith(LiveNodeExtension.class)
class CrossShardTransferRpcTest {

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
}
