package io.basalt.node.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.common.types.Address;
import io.basalt.execution.receipt.Log;
import io.basalt.node.rpc.BlockParameter;
import io.basalt.node.rpc.RpcException;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class FilterParamsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Address A = Address.fromHexString("0x" + "aa".repeat(20));
  private static final Address B = Address.fromHexString("0x" + "bb".repeat(20));
  private static final Bytes32 T1 = Bytes32.fromHexString("0x" + "01".repeat(32));
  private static final Bytes32 T2 = Bytes32.fromHexString("0x" + "02".repeat(32));

  private static FilterParams parse(String json) throws Exception {
    return FilterParams.parse(JSON.readTree(json), 0, "filter");
  }

  @Test
  void shouldParseAddressesTopicsAndRange() throws Exception {
    FilterParams params =
        parse(
            "{\"fromBlock\":\"0x1\",\"address\":[\""
                + A.toHexString()
                + "\"],\"topics\":[null,[\""
                + T1
                + "\",\""
                + T2
                + "\"]]}");
    assertThat(params.fromBlock()).isEqualTo(new BlockParameter.Number(1));
    assertThat(params.toBlock()).isEqualTo(BlockParameter.LATEST);
    assertThat(params.filter().addresses()).containsExactly(A);
    assertThat(params.filter().topics()).containsExactly(List.of(), List.of(T1, T2));
  }

  @Test
  void shouldMatchByAddressAndTopicPosition() throws Exception {
    LogFilter filter =
        parse("{\"address\":\"" + A.toHexString() + "\",\"topics\":[null,\"" + T2 + "\"]}")
            .filter();
    assertThat(filter.matches(new Log(A, List.of(T1, T2), Bytes.EMPTY))).isTrue();
    assertThat(filter.matches(new Log(B, List.of(T1, T2), Bytes.EMPTY))).isFalse();
    assertThat(filter.matches(new Log(A, List.of(T2, T1), Bytes.EMPTY))).isFalse();
    assertThat(filter.matches(new Log(A, List.of(T1), Bytes.EMPTY))).isFalse();
    assertThat(LogFilter.ALL.matches(new Log(B, List.of(), Bytes.EMPTY))).isTrue();
  }

  @Test
  void shouldRefuseBadFiltersNamingTheField() {
    assertThatThrownBy(() -> parse("{\"address\":\"0x12\"}")).hasMessageContaining("address");
    assertThatThrownBy(() -> parse("{\"topics\":\"0x12\"}")).hasMessageContaining("topics");
    assertThatThrownBy(() -> parse("{\"topics\":[null,null,null,null,null]}"))
        .hasMessageContaining("more than 4");
    assertThatThrownBy(() -> parse("{\"blockHash\":\"" + T1 + "\",\"fromBlock\":\"0x1\"}"))
        .hasMessageContaining("both blockHash");
    assertThatThrownBy(() -> parse("[]"))
        .isInstanceOfSatisfying(
            RpcException.class, e -> assertThat(e.code()).isEqualTo(RpcException.INVALID_PARAMS));
  }
}
