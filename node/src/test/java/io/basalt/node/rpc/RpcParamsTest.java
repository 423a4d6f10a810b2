package io.basalt.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RpcParamsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static RpcParams params(String json) throws Exception {
    return RpcParams.of(JSON.readTree(json));
  }

  @Test
  void shouldTreatAbsentAndNullParamsAsEmpty() throws Exception {
    assertThat(RpcParams.of(null).size()).isZero();
    assertThat(params("null").size()).isZero();
    assertThat(params("[]").optional(0, "x", ParamTypes.STRING)).isEmpty();
  }

  @Test
  void shouldRefuseParamsThatAreNotAnArray() {
    assertThatThrownBy(() -> params("{\"a\":1}"))
        .isInstanceOfSatisfying(
            RpcException.class, e -> assertThat(e.code()).isEqualTo(RpcException.INVALID_PARAMS));
  }

  @Test
  void shouldNameMissingAndWrongParameters() throws Exception {
    assertThatThrownBy(() -> params("[]").required(0, "address", ParamTypes.ADDRESS))
        .hasMessage("invalid argument 0 (address): missing value");
    assertThatThrownBy(() -> params("[null]").required(0, "address", ParamTypes.ADDRESS))
        .hasMessageContaining("missing value");
    assertThatThrownBy(() -> params("[\"x\", 3]").required(1, "block", ParamTypes.BLOCK))
        .hasMessageStartingWith("invalid argument 1 (block)");
  }

  @Test
  void shouldLimitTheCountAndShiftWithFrom() throws Exception {
    assertThatThrownBy(() -> params("[1,2,3]").atMost(2)).hasMessageContaining("at most 2");
    RpcParams shifted = params("[\"logs\", {\"a\":1}]").from(1);
    assertThat(shifted.size()).isEqualTo(1);
    assertThat(shifted.required(0, "filter", ParamTypes.OBJECT).get("a").asInt()).isEqualTo(1);
    assertThat(params("[1]").from(5).size()).isZero();
    assertThat(params("[1]").raw(-1).isMissingNode()).isTrue();
  }
}
