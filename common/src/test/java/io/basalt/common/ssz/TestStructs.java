package io.basalt.common.ssz;

import static io.basalt.common.ssz.Field.field;
import static io.basalt.common.ssz.SszTypes.BOOLEAN;
import static io.basalt.common.ssz.SszTypes.BYTES32;
import static io.basalt.common.ssz.SszTypes.BYTES48;
import static io.basalt.common.ssz.SszTypes.UINT16;
import static io.basalt.common.ssz.SszTypes.UINT32;
import static io.basalt.common.ssz.SszTypes.UINT64;
import static io.basalt.common.ssz.SszTypes.UINT8;
import static io.basalt.common.ssz.SszTypes.bitlist;
import static io.basalt.common.ssz.SszTypes.bitvector;
import static io.basalt.common.ssz.SszTypes.list;

import io.basalt.common.types.UInt64;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/** The containers of the ssz_generic conformance suite, plus a phase0-like Validator. */
public final class TestStructs {

  private TestStructs() {}

  public record SmallTestStruct(Integer a, Integer b) {
    public static final ContainerSchema<SmallTestStruct> SSZ =
        ContainerSchema.ofRecord(
            SmallTestStruct.class,
            field("a", UINT16, SmallTestStruct::a),
            field("b", UINT16, SmallTestStruct::b));
  }

  public record FixedTestStruct(Integer a, UInt64 b, Long c) {
    public static final ContainerSchema<FixedTestStruct> SSZ =
        ContainerSchema.ofRecord(
            FixedTestStruct.class,
            field("a", UINT8, FixedTestStruct::a),
            field("b", UINT64, FixedTestStruct::b),
            field("c", UINT32, FixedTestStruct::c));
  }

  public record VarTestStruct(Integer a, List<Integer> b, Integer c) {
    public static final ContainerSchema<VarTestStruct> SSZ =
        ContainerSchema.ofRecord(
            VarTestStruct.class,
            field("a", UINT16, VarTestStruct::a),
            field("b", list(UINT16, 1024), VarTestStruct::b),
            field("c", UINT8, VarTestStruct::c));
  }

  public record BitsStruct(Bits a, Bits b, Bits c, Bits d, Bits e) {
    public static final ContainerSchema<BitsStruct> SSZ =
        ContainerSchema.ofRecord(
            BitsStruct.class,
            field("a", bitlist(5), BitsStruct::a),
            field("b", bitvector(2), BitsStruct::b),
            field("c", bitvector(1), BitsStruct::c),
            field("d", bitlist(6), BitsStruct::d),
            field("e", bitvector(8), BitsStruct::e));
  }

  /** The phase0 Validator: eight fields, fixed size 121 bytes. */
  public record Validator(
      Bytes pubkey,
      Bytes32 withdrawalCredentials,
      UInt64 effectiveBalance,
      Boolean slashed,
      UInt64 activationEligibilityEpoch,
      UInt64 activationEpoch,
      UInt64 exitEpoch,
      UInt64 withdrawableEpoch) {
    public static final ContainerSchema<Validator> SSZ =
        ContainerSchema.ofRecord(
            Validator.class,
            field("pubkey", BYTES48, Validator::pubkey),
            field("withdrawalCredentials", BYTES32, Validator::withdrawalCredentials),
            field("effectiveBalance", UINT64, Validator::effectiveBalance),
            field("slashed", BOOLEAN, Validator::slashed),
            field("activationEligibilityEpoch", UINT64, Validator::activationEligibilityEpoch),
            field("activationEpoch", UINT64, Validator::activationEpoch),
            field("exitEpoch", UINT64, Validator::exitEpoch),
            field("withdrawableEpoch", UINT64, Validator::withdrawableEpoch));

    /** A deterministic validator for index {@code i}. */
    public static Validator sample(long i) {
      byte[] key = new byte[48];
      for (int k = 0; k < 8; k++) {
        key[k] = (byte) (i >>> (8 * k));
      }
      key[47] = (byte) 0xAA;
      return new Validator(
          Bytes.wrap(key),
          Bytes32.leftPad(Bytes.ofUnsignedLong(i * 31 + 7)),
          UInt64.valueOf(32_000_000_000L),
          (i % 97) == 0,
          UInt64.valueOf(i % 1000),
          UInt64.valueOf(i % 1000 + 1),
          UInt64.MAX_VALUE,
          UInt64.MAX_VALUE);
    }
  }
}
