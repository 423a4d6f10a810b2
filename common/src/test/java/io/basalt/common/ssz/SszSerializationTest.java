package io.basalt.common.ssz;

import static io.basalt.common.ssz.SszTypes.BOOLEAN;
import static io.basalt.common.ssz.SszTypes.UINT16;
import static io.basalt.common.ssz.SszTypes.UINT64;
import static io.basalt.common.ssz.SszTypes.bitlist;
import static io.basalt.common.ssz.SszTypes.bitvector;
import static io.basalt.common.ssz.SszTypes.byteList;
import static io.basalt.common.ssz.SszTypes.list;
import static io.basalt.common.ssz.SszTypes.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.ssz.TestStructs.Validator;
import io.basalt.common.ssz.TestStructs.VarTestStruct;
import io.basalt.common.types.UInt64;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class SszSerializationTest {

  private static Bytes hex(String s) {
    return Bytes.fromHexString(s);
  }

  @Test
  void shouldEncodeVariableContainerWithOffsets() {
    // A=0x0102, offset of B = 7 (2 + 4 + 1), C=0x03, then B's two uint16s.
    Bytes encoded = VarTestStruct.SSZ.serialize(new VarTestStruct(0x0102, List.of(1, 2), 3));
    assertThat(encoded).isEqualTo(hex("0x0201070000000301000200"));
  }

  @Test
  void shouldEncodeBitlistWithDelimiter() {
    assertThat(bitlist(8).serialize(Bits.of(true, false, true))).isEqualTo(hex("0x0d"));
    assertThat(bitlist(8).serialize(Bits.of())).isEqualTo(hex("0x01"));
    assertThat(bitlist(16).serialize(Bits.zeros(8))).isEqualTo(hex("0x0001"));
  }

  @Test
  void shouldEncodeUint64LittleEndianAndValidatorAsFixedSize() {
    assertThat(UINT64.serialize(UInt64.valueOf(0x0102))).isEqualTo(hex("0x0201000000000000"));
    assertThat(Validator.SSZ.fixedSize()).isEqualTo(121);
    assertThat(Validator.SSZ.serialize(Validator.sample(3)).size()).isEqualTo(121);
  }

  @Test
  void shouldRejectWrongLengthForFixedTypes() {
    assertThatThrownBy(() -> UINT64.deserialize(hex("0x0102")))
        .isInstanceOf(SszDecodingException.class)
        .hasMessageContaining("exactly 8 bytes");
    assertThatThrownBy(() -> Validator.SSZ.deserialize(Bytes.wrap(new byte[122])))
        .isInstanceOf(SszDecodingException.class)
        .hasMessageContaining("exactly 121");
  }

  @Test
  void shouldRejectBooleanOtherThanZeroOrOne() {
    assertThatThrownBy(() -> BOOLEAN.deserialize(hex("0x02")))
        .isInstanceOf(SszDecodingException.class)
        .hasMessageContaining("boolean");
    assertThatThrownBy(() -> list(BOOLEAN, 4).deserialize(hex("0x0100ff")))
        .isInstanceOf(SszDecodingException.class);
  }

  @Test
  void shouldRejectBitlistWithoutDelimiter() {
    assertThatThrownBy(() -> bitlist(16).deserialize(hex("0x0100")))
        .isInstanceOf(SszDecodingException.class)
        .hasMessageContaining("delimiter");
    assertThatThrownBy(() -> bitlist(16).deserialize(Bytes.EMPTY))
        .isInstanceOf(SszDecodingException.class);
  }

  @Test
  void shouldRejectBitlistAndListsOverTheirLimit() {
    assertThatThrownBy(() -> bitlist(4).deserialize(hex("0x3f")))
        .isInstanceOf(SszDecodingException.class)
        .hasMessageContaining("over its limit");
    assertThatThrownBy(() -> list(UINT16, 2).deserialize(hex("0x010002000300")))
        .isInstanceOf(SszDecodingException.class)
        .hasMessageContaining("limit");
    assertThatThrownBy(() -> byteList(2).deserialize(hex("0x010203")))
        .isInstanceOf(SszDecodingException.class);
  }

  @Test
  void anEmptyByteListLastInItsParentDecodes() {
    ListSchema<Bytes> lists = list(byteList(8), 4);
    List<Bytes> value = List.of(Bytes.of(1, 2), Bytes.EMPTY);
    Bytes ssz = lists.serialize(value);
    assertThat(ssz).isEqualTo(hex("0x08000000" + "0a000000" + "0102"));
    assertThat(lists.deserialize(ssz)).isEqualTo(value);
  }

  @Test
  void shouldRejectBitvectorWithHighBitsSet() {
    assertThatThrownBy(() -> bitvector(4).deserialize(hex("0x1f")))
        .isInstanceOf(SszDecodingException.class)
        .hasMessageContaining("beyond its length");
  }

  @Test
  void shouldRejectBadOffsets() {
    // First offset must equal the fixed part size (7).
    assertThatThrownBy(() -> VarTestStruct.SSZ.deserialize(hex("0x0201080000000301000200")))
        .isInstanceOf(SszDecodingException.class)
        .hasMessageContaining("first offset");
    // Offset beyond the end.
    ListSchema<List<Integer>> nested = list(list(UINT16, 4), 4);
    assertThatThrownBy(() -> nested.deserialize(hex("0x0800000020000000")))
        .isInstanceOf(SszDecodingException.class)
        .hasMessageContaining("beyond the end");
    // Offsets out of order.
    assertThatThrownBy(() -> nested.deserialize(hex("0x0c0000000e0000000d0000000100020003")))
        .isInstanceOf(SszDecodingException.class)
        .hasMessageContaining("before the previous");
    // First offset not a multiple of 4.
    assertThatThrownBy(() -> nested.deserialize(hex("0x0500000000")))
        .isInstanceOf(SszDecodingException.class)
        .hasMessageContaining("first offset");
  }

  @Test
  void shouldRejectTrailingBytesAndOddElementSizes() {
    assertThatThrownBy(() -> vector(UINT16, 2).deserialize(hex("0x0100020000")))
        .isInstanceOf(SszDecodingException.class);
    assertThatThrownBy(() -> list(UINT16, 8).deserialize(hex("0x010002")))
        .isInstanceOf(SszDecodingException.class)
        .hasMessageContaining("multiple");
  }

  @Test
  void shouldNameTheFailingFieldInNestedErrors() {
    assertThatThrownBy(() -> VarTestStruct.SSZ.deserialize(hex("0x02010700000003010002")))
        .isInstanceOf(SszDecodingException.class)
        .hasMessageStartingWith("VarTestStruct[1]");
  }
}
