package io.basalt.common.ssz;

import static io.basalt.common.ssz.SszTypes.byteList;
import static io.basalt.common.ssz.SszTypes.list;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.ssz.TestStructs.SmallTestStruct;
import io.basalt.common.ssz.tree.Trees;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.tuweni.bytes.Bytes;

/**
 * Byte lists and lists of composite elements hash their roots straight from the values; the roots
 * are those of the trees they build.
 */
class DirectRootPropertiesTest {

  private static final ByteListSchema SMALL_BYTES = byteList(100);
  private static final ByteListSchema TX_BYTES = byteList(128 * 1024);
  private static final ListSchema<Bytes> TRANSACTIONS = list(TX_BYTES, 1 << 20);
  private static final ListSchema<SmallTestStruct> STRUCTS = list(SmallTestStruct.SSZ, 5);

  @Property(tries = 300)
  void byteListRootIsItsTreeRoot(@ForAll("bytes") byte[] data) {
    Bytes value = Bytes.wrap(data);
    assertThat(TX_BYTES.hashTreeRoot(value)).isEqualTo(TX_BYTES.toTree(value).hash());
    if (data.length <= SMALL_BYTES.limit()) {
      assertThat(SMALL_BYTES.hashTreeRoot(value)).isEqualTo(SMALL_BYTES.toTree(value).hash());
    }
  }

  @Property(tries = 100)
  void listOfByteListsRootIsItsTreeRoot(@ForAll("transactions") List<byte[]> data) {
    List<Bytes> value = data.stream().map(Bytes::wrap).toList();
    assertThat(TRANSACTIONS.hashTreeRoot(value)).isEqualTo(TRANSACTIONS.toTree(value).hash());
  }

  @Property(tries = 100)
  void listOfContainersRootIsItsTreeRoot(@ForAll("structs") List<SmallTestStruct> value) {
    assertThat(STRUCTS.hashTreeRoot(value)).isEqualTo(STRUCTS.toTree(value).hash());
  }

  @Property(tries = 50)
  void chunkRootsMatchTheTreeAtEveryDepth(@ForAll("bytes") byte[] data) {
    int chunks = (data.length + 31) / 32;
    for (int depth = Trees.depthFor(chunks); depth <= Trees.depthFor(chunks) + 3; depth++) {
      assertThat(Trees.packedRoot(data, depth)).isEqualTo(Trees.packed(data, depth).hashBytes());
    }
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(300);
  }

  @Provide
  Arbitrary<List<byte[]>> transactions() {
    return bytes().list().ofMaxSize(20);
  }

  @Provide
  Arbitrary<List<SmallTestStruct>> structs() {
    Arbitrary<Integer> u16 = Arbitraries.integers().between(0, 0xffff);
    return net.jqwik.api.Combinators.combine(u16, u16).as(SmallTestStruct::new).list().ofMaxSize(5);
  }
}
