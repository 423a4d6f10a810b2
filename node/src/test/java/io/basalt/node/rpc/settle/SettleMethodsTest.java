package io.basalt.node.rpc.settle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.common.types.ShardId;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The settle_* handlers over in-memory records: shapes, not-found, and parameter errors. */
class SettleMethodsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final FakeSettlementData data = new FakeSettlementData();
  private final Map<String, RpcMethod> methods =
      SettleMethods.shardMethods(data).stream()
          .collect(Collectors.toMap(RpcMethod::name, Function.identity()));

  @BeforeEach
  void commit() {
    data.rollup(0);
    data.commit(0, 10);
    data.commit(0, 12);
    data.view(30, 12, 10);
  }

  private JsonNode call(String method, Object... params) throws RpcException {
    return JSON.valueToTree(
        methods
            .get(method)
            .execute(
                new RpcContext(ShardId.of(0)), RpcParams.of(JSON.valueToTree(List.of(params)))));
  }

  private RpcException error(String method, Object... params) {
    try {
      call(method, params);
      throw new AssertionError(method + " succeeded");
    } catch (RpcException e) {
      return e;
    }
  }

  @Test
  void shouldServeFiveMethodsAndOneKind() {
    assertThat(methods)
        .containsOnlyKeys(
            "settle_getRollup",
            "settle_getBatch",
            "settle_getStatus",
            "settle_getDeposits",
            "settle_getWithdrawalStatus");
    assertThat(SettleMethods.subscriptionKinds(data, Runnable::run))
        .singleElement()
        .satisfies(k -> assertThat(k.name()).isEqualTo("settlement"));
  }

  @Test
  void shouldReportABatchWithItsInclusion() throws Exception {
    JsonNode batch = call("settle_getBatch", "0x0", "0x1");
    assertThat(batch.get("status").asText()).isEqualTo("COMMITTED");
    assertThat(batch.get("challengeDeadline").asText()).isEqualTo("0x1c");
    JsonNode inclusion = batch.get("inclusion");
    assertThat(inclusion.get("status").asText()).isEqualTo("JUSTIFIED");
    assertThat(inclusion.get("slot").asText()).isEqualTo("0xc");
    assertThat(inclusion.get("blockNumber").asText()).isEqualTo("0xc");
    assertThat(call("settle_getBatch", "0x0", "0x0").get("inclusion").get("status").asText())
        .isEqualTo("FINALIZED");
  }

  @Test
  void shouldMapHeadsToL2Terms() throws Exception {
    JsonNode status = call("settle_getStatus", "0x0");
    assertThat(status.get("unsafe").get("batchIndex").asText()).isEqualTo("0x1");
    assertThat(status.get("safe").get("batchIndex").asText()).isEqualTo("0x0");
    assertThat(status.get("finalized").get("batchIndex").asText()).isEqualTo("0x0");
    assertThat(status.get("l1").get("finalizedShardSlot").asText()).isEqualTo("0xa");
  }

  @Test
  void shouldAnswerNullForUnknownRollupsAndBatches() throws Exception {
    assertThat(call("settle_getRollup", "0x5").isNull()).isTrue();
    assertThat(call("settle_getBatch", "0x0", "0x2").isNull()).isTrue();
    assertThat(call("settle_getStatus", "0x5").isNull()).isTrue();
    assertThat(call("settle_getDeposits", "0x5").isNull()).isTrue();
    assertThat(call("settle_getWithdrawalStatus", "0x0", "0x9", "0x" + "00".repeat(32)).isNull())
        .isTrue();
  }

  @Test
  void shouldNameTheWrongParameter() {
    assertThat(error("settle_getRollup").getMessage())
        .isEqualTo("invalid argument 0 (rollupId): missing value");
    assertThat(error("settle_getBatch", "0x0", "7").getMessage())
        .isEqualTo("invalid argument 1 (batchIndex): hex string without 0x prefix");
    assertThat(error("settle_getBatch", "0x0", "0x10000000000000000").getMessage())
        .isEqualTo("invalid argument 1 (batchIndex): hex number > 64 bits");
    RpcException limit = error("settle_getDeposits", "0x0", "0x0", "0x3e9");
    assertThat(limit.code()).isEqualTo(RpcException.INVALID_PARAMS);
    assertThat(limit.getMessage())
        .isEqualTo("invalid argument 2 (limit): must be 1 to 1000, got 1001");
    assertThat(error("settle_getWithdrawalStatus", "0x0", "0x0", "0x01").getMessage())
        .isEqualTo("invalid argument 2 (withdrawal): hex string has length 2, want 64");
    assertThat(
            error(
                    "settle_getWithdrawalStatus",
                    "0x0",
                    "0x0",
                    Map.of("nonce", "0x1", "amount", "0x1"))
                .getMessage())
        .isEqualTo("invalid argument 2 (withdrawal): recipient: missing value");
    assertThat(error("settle_getStatus", "0x0", "0x1").getMessage())
        .isEqualTo("invalid params: too many arguments, want at most 1");
  }

  @Test
  void shouldPageDepositsByNonce() throws Exception {
    for (int n = 0; n < 3; n++) {
      data.store.putDepositAccumulator(0, n, org.apache.tuweni.bytes.Bytes32.repeat((byte) n));
    }
    var r = data.store.rollup(0).orElseThrow();
    data.store.putRollup(0, r.withEscrow(r.escrow(), 3));

    JsonNode page = call("settle_getDeposits", "0x0", "0x1", "0x1");
    assertThat(page.get("deposits")).hasSize(1);
    assertThat(page.get("deposits").get(0).get("nonce").asText()).isEqualTo("0x1");
    assertThat(page.get("deposits").get(0).get("accumulator").asText())
        .isEqualTo("0x" + "01".repeat(32));
    assertThat(page.get("deposits").get(0).get("amount").isNull()).as("no log").isTrue();
    assertThat(page.get("next").asText()).isEqualTo("0x2");
    JsonNode last = call("settle_getDeposits", "0x0", "0x2");
    assertThat(last.get("deposits")).hasSize(1);
    assertThat(last.get("next").isNull()).isTrue();
    assertThat(call("settle_getDeposits", "0x0", "0x9").get("deposits")).isEmpty();
    assertThat(call("settle_getRollup", "0x0").get("depositAccumulator").asText())
        .isEqualTo("0x" + "02".repeat(32));
  }
}
