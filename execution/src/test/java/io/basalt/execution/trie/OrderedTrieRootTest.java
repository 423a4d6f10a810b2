package io.basalt.execution.trie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.execution.rlp.Rlp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/**
 * {@link OrderedTrieRoot} against the empty root and against {@link ReferenceTrieRoot} built from
 * scratch over {@code rlp(i) -> item}; real block roots are checked in {@code
 * ExecutionApisRootsTest}.
 */
class OrderedTrieRootTest {

  @Test
  void emptyListShouldGiveTheEmptyRoot() {
    assertThat(OrderedTrieRoot.of(List.of()))
        .isEqualTo(
            Bytes32.fromHexString(
                "0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421"));
  }

  @Test
  void keysShouldBeTheRlpOfTheIndexAcrossTheSingleByteBoundary() {
    // rlp(0) = 0x80, rlp(127) = 0x7f, rlp(128) = 0x8180, rlp(256) = 0x820100.
    List<Bytes> items = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      items.add(Bytes.ofUnsignedInt(i * 7919L));
    }

    assertThat(OrderedTrieRoot.of(items)).isEqualTo(ReferenceTrieRoot.root(asMap(items)));
  }

  @Test
  void orderShouldMatter() {
    Bytes a = Bytes.fromHexString("0xaa");
    Bytes b = Bytes.fromHexString("0xbb");

    assertThat(OrderedTrieRoot.of(List.of(a, b))).isNotEqualTo(OrderedTrieRoot.of(List.of(b, a)));
  }

  @Test
  void anEmptyItemShouldBeRefused() {
    assertThatThrownBy(() -> OrderedTrieRoot.of(List.of(Bytes.of(1), Bytes.EMPTY)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("item 1 is empty");
  }

  @Property(tries = 200)
  void rootShouldMatchTheReferenceTrie(@ForAll("items") List<Bytes> items) {
    assertThat(OrderedTrieRoot.of(items)).isEqualTo(ReferenceTrieRoot.root(asMap(items)));
  }

  @Provide
  Arbitrary<List<Bytes>> items() {
    return Arbitraries.bytes()
        .array(byte[].class)
        .ofMinSize(1)
        .ofMaxSize(70)
        .map(Bytes::wrap)
        .list()
        .ofMaxSize(140);
  }

  private static Map<Bytes, Bytes> asMap(List<Bytes> items) {
    Map<Bytes, Bytes> entries = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      entries.put(Rlp.encodeScalar(i), items.get(i));
    }
    return entries;
  }
}
