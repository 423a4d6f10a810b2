package io.basalt.execution.abi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.apache.tuweni.bytes.Bytes;

/** Random and mutated calldata: the decoder only ever answers with values or its own exception. */
class AbiDecoderFuzzTest {

  private static final AbiFunction F =
      AbiFunction.parse("f(bytes,uint32[],string,(uint8,bytes)[],bytes[2],bool,address)");

  @Property(tries = 500)
  void shouldOnlyThrowAbiDecodingException(@ForAll @Size(max = 600) byte[] data) {
    assertDecodesOrRefuses(Bytes.wrap(data));
  }

  @Property(tries = 500)
  void shouldOnlyThrowAbiDecodingExceptionOnMutatedValidData(
      @ForAll @Size(min = 1, max = 8) List<Integer> positions, @ForAll byte replacement) {
    Bytes valid =
        F.encodeCall(
                List.of(
                    Bytes.fromHexString("0x0102"),
                    List.of(java.math.BigInteger.ONE),
                    "basalt",
                    List.of(List.of(java.math.BigInteger.TWO, Bytes.fromHexString("0xff"))),
                    List.of(Bytes.EMPTY, Bytes.fromHexString("0xabcd")),
                    true,
                    io.basalt.common.types.Address.ZERO))
            .slice(4);
    byte[] mutated = valid.toArray();
    for (int p : positions) {
      mutated[Math.floorMod(p, mutated.length)] = replacement;
    }
    assertDecodesOrRefuses(Bytes.wrap(mutated));
  }

  private static void assertDecodesOrRefuses(Bytes data) {
    try {
      List<Object> values = F.decodeArguments(data);
      assertThat(values).hasSize(7);
    } catch (AbiDecodingException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }
}
