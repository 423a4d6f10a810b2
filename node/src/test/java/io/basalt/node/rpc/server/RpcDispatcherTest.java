package io.basalt.node.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.common.types.ShardId;
import io.basalt.node.rpc.ParamTypes;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RpcDispatcherTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final RpcContext SHARD_1 = new RpcContext(ShardId.of(1));

  private static final RpcMethod ECHO =
      new RpcMethod() {
        @Override
        public String name() {
          return "echo";
        }

        @Override
        public Object execute(RpcContext context, RpcParams params) throws RpcException {
          return Map.of(
              "shard",
              context.shard().id(),
              "value",
              params.required(0, "value", ParamTypes.STRING));
        }
      };

  private static final RpcMethod BROKEN =
      new RpcMethod() {
        @Override
        public String name() {
          return "broken";
        }

        @Override
        public Object execute(RpcContext context, RpcParams params) {
          throw new IndexOutOfBoundsException("bug");
        }
      };

  private final RpcDispatcher dispatcher =
      new RpcDispatcher(Map.of("echo", ECHO, "broken", BROKEN), 3);

  private JsonNode handle(String body) throws Exception {
    return JSON.readTree(dispatcher.handle(SHARD_1, body, name -> null).orElseThrow());
  }

  @Test
  void shouldCallTheMethodWithTheEndpointsShard() throws Exception {
    JsonNode response =
        handle("{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"echo\",\"params\":[\"hi\"]}");
    assertThat(response.get("id").asText()).isEqualTo("x");
    assertThat(response.get("result").get("shard").asInt()).isEqualTo(1);
    assertThat(response.get("result").get("value").asText()).isEqualTo("hi");
  }

  @Test
  void shouldAnswerParseErrorWithNullId() throws Exception {
    JsonNode response = handle("{\"jsonrpc\":");
    assertThat(response.get("error").get("code").asInt()).isEqualTo(RpcException.PARSE_ERROR);
    assertThat(response.get("id").isNull()).isTrue();
  }

  @Test
  void shouldRefuseRequestsThatAreNotRequestObjects() throws Exception {
    assertThat(code(handle("42"))).isEqualTo(RpcException.INVALID_REQUEST);
    assertThat(code(handle("{\"id\":1,\"method\":\"echo\"}")))
        .isEqualTo(RpcException.INVALID_REQUEST);
    assertThat(code(handle("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":7}")))
        .isEqualTo(RpcException.INVALID_REQUEST);
    assertThat(code(handle("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"echo\"}")))
        .isEqualTo(RpcException.INVALID_REQUEST);
    assertThat(code(handle("[]"))).isEqualTo(RpcException.INVALID_REQUEST);
  }

  @Test
  void shouldNameTheParameterInInvalidParams() throws Exception {
    JsonNode response = handle("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\",\"params\":[5]}");
    assertThat(code(response)).isEqualTo(RpcException.INVALID_PARAMS);
    assertThat(response.get("error").get("message").asText()).contains("value");
    JsonNode notArray =
        handle("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\",\"params\":{\"value\":\"a\"}}");
    assertThat(code(notArray)).isEqualTo(RpcException.INVALID_PARAMS);
  }

  @Test
  void shouldTurnAnUnexpectedExceptionIntoInternalError() throws Exception {
    JsonNode response = handle("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"broken\"}");
    assertThat(code(response)).isEqualTo(RpcException.INTERNAL_ERROR);
  }

  @Test
  void shouldAnswerUnknownMethodsAndAskTheConnectionsMethods() throws Exception {
    assertThat(code(handle("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"nope\"}")))
        .isEqualTo(RpcException.METHOD_NOT_FOUND);
    Optional<String> extra =
        dispatcher.handle(
            SHARD_1,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"nope\",\"params\":[\"x\"]}",
            name -> name.equals("nope") ? ECHO : null);
    assertThat(JSON.readTree(extra.orElseThrow()).get("result").get("value").asText())
        .isEqualTo("x");
  }

  @Test
  void shouldAnswerBatchesInOrderSkippingNotificationsAndLimitTheirLength() throws Exception {
    JsonNode batch =
        handle(
            "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\",\"params\":[\"a\"]},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"b\"]},"
                + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"nope\"}]");
    assertThat(batch).hasSize(2);
    assertThat(batch.get(0).get("id").asInt()).isEqualTo(1);
    assertThat(batch.get(1).get("id").asInt()).isEqualTo(3);
    JsonNode tooLong = handle("[1,2,3,4]");
    assertThat(code(tooLong)).isEqualTo(RpcException.INVALID_REQUEST);
    assertThat(tooLong.get("error").get("message").asText()).contains("limit of 3");
    assertThat(
            dispatcher.handle(
                SHARD_1,
                "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":[\"n\"]}",
                name -> null))
        .isEmpty();
  }

  private static int code(JsonNode response) {
    return response.get("error").get("code").asInt();
  }
}
