package io.basalt.common.ssz;

import static io.basalt.common.ssz.SszTypes.UINT16;
import static io.basalt.common.ssz.SszTypes.UINT64;
import static io.basalt.common.ssz.SszTypes.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.crypto.Hash;
import io.basalt.common.types.UInt64;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class UnionSchemaTest {

  private static final UnionSchema UNION = new UnionSchema(null, UINT64, list(UINT16, 4));

  @Test
  void shouldEncodeSelectorThenValueAndRoundTrip() {
    UnionSchema.Value v = new UnionSchema.Value(1, UInt64.valueOf(3));
    assertThat(UNION.serialize(v)).isEqualTo(Bytes.fromHexString("0x010300000000000000"));
    assertThat(UNION.deserialize(UNION.serialize(v))).isEqualTo(v);
    UnionSchema.Value none = new UnionSchema.Value(0, null);
    assertThat(UNION.serialize(none)).isEqualTo(Bytes.fromHexString("0x00"));
    UnionSchema.Value listValue = new UnionSchema.Value(2, List.of(1, 2));
    assertThat(UNION.deserialize(UNION.serialize(listValue))).isEqualTo(listValue);
  }

  @Test
  void rootShouldMixInTheSelector() {
    UnionSchema.Value v = new UnionSchema.Value(1, UInt64.valueOf(3));
    Bytes32 valueRoot = UINT64.hashTreeRoot(UInt64.valueOf(3));
    byte[] selector = new byte[32];
    selector[0] = 1;
    assertThat(UNION.hashTreeRoot(v).toArray())
        .isEqualTo(Hash.sha256(valueRoot.toArray(), selector));
    assertThat(UNION.hashTreeRoot(UNION.fromTree(UNION.toTree(v))))
        .isEqualTo(UNION.hashTreeRoot(v));
  }

  @Test
  void shouldRejectMalformedUnions() {
    assertThatThrownBy(() -> UNION.deserialize(Bytes.EMPTY))
        .isInstanceOf(SszDecodingException.class);
    assertThatThrownBy(() -> UNION.deserialize(Bytes.fromHexString("0x03")))
        .isInstanceOf(SszDecodingException.class)
        .hasMessageContaining("selector");
    assertThatThrownBy(() -> UNION.deserialize(Bytes.fromHexString("0x0000")))
        .isInstanceOf(SszDecodingException.class);
    assertThatThrownBy(() -> UNION.deserialize(Bytes.fromHexString("0x0103")))
        .isInstanceOf(SszDecodingException.class)
        .hasMessageContaining("option 1");
  }
}
