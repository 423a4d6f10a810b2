package io.basalt.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class ParamTypesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void shouldParseQuantitiesStrictly() throws Exception {
    assertThat(ParamTypes.QUANTITY.parse(json("\"0x0\""))).isEqualTo(BigInteger.ZERO);
    assertThat(ParamTypes.QUANTITY.parse(json("\"0xFF\""))).isEqualTo(BigInteger.valueOf(255));
    assertThatThrownBy(() -> ParamTypes.QUANTITY.parse(json("\"0x\"")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ParamTypes.QUANTITY.parse(json("\"0x01\"")))
        .hasMessageContaining("leading zero");
    assertThatThrownBy(() -> ParamTypes.QUANTITY.parse(json("\"12\"")))
        .hasMessageContaining("0x prefix");
    assertThatThrownBy(() -> ParamTypes.QUANTITY.parse(json("12"))).hasMessageContaining("number");
    assertThatThrownBy(() -> ParamTypes.QUANTITY.parse(json("\"0x" + "f".repeat(65) + "\"")))
        .hasMessageContaining("256 bits");
    assertThatThrownBy(() -> ParamTypes.LONG_QUANTITY.parse(json("\"0x8000000000000000\"")))
        .hasMessageContaining("64 bits");
    assertThatThrownBy(() -> ParamTypes.QUANTITY.parse(json("\"0xzz\"")))
        .hasMessageContaining("invalid hex");
  }

  @Test
  void shouldParseDataAddressesAndHashesByLength() throws Exception {
    assertThat(ParamTypes.DATA.parse(json("\"0x\"")).size()).isZero();
    assertThatThrownBy(() -> ParamTypes.DATA.parse(json("\"0xabc\"")))
        .hasMessageContaining("odd length");
    assertThatThrownBy(() -> ParamTypes.ADDRESS.parse(json("\"0x1234\"")))
        .hasMessageContaining("want 40");
    assertThatThrownBy(() -> ParamTypes.HASH.parse(json("\"0x1234\"")))
        .hasMessageContaining("want 64");
    assertThat(ParamTypes.ADDRESS.parse(json("\"0x" + "aB".repeat(20) + "\"")).toHexString())
        .isEqualTo("0x" + "ab".repeat(20));
  }

  @Test
  void shouldParseEveryBlockForm() throws Exception {
    assertThat(ParamTypes.BLOCK.parse(json("\"latest\""))).isEqualTo(BlockParameter.LATEST);
    assertThat(ParamTypes.BLOCK.parse(json("\"safe\"")))
        .isEqualTo(new BlockParameter.Named(BlockParameter.Tag.SAFE));
    assertThat(ParamTypes.BLOCK.parse(json("\"0x10\""))).isEqualTo(new BlockParameter.Number(16));
    assertThat(ParamTypes.BLOCK.parse(json("{\"blockNumber\":\"0x2\"}")))
        .isEqualTo(new BlockParameter.Number(2));
    String hash = "0x" + "11".repeat(32);
    assertThat(
            ParamTypes.BLOCK.parse(
                json("{\"blockHash\":\"" + hash + "\",\"requireCanonical\":true}")))
        .isEqualTo(
            new BlockParameter.Hash(org.apache.tuweni.bytes.Bytes32.fromHexString(hash), true));
    assertThatThrownBy(() -> ParamTypes.BLOCK.parse(json("{}")))
        .hasMessageContaining("exactly one");
    assertThatThrownBy(() -> ParamTypes.BLOCK.parse(json("\"newest\"")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ParamTypes.BLOCK.parse(json("5"))).hasMessageContaining("block");
  }

  @Test
  void shouldCheckJsonKinds() throws Exception {
    assertThatThrownBy(() -> ParamTypes.BOOLEAN.parse(json("\"true\"")))
        .hasMessageContaining("bool");
    assertThatThrownBy(() -> ParamTypes.OBJECT.parse(json("[]"))).hasMessageContaining("object");
    assertThatThrownBy(() -> ParamTypes.ARRAY.parse(json("{}"))).hasMessageContaining("array");
    assertThatThrownBy(() -> ParamTypes.STRING.parse(json("1"))).hasMessageContaining("string");
  }
}
