package io.basalt.execution.trie;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.storage.KvStore;
import io.basalt.storage.memory.InMemoryKvStore;
import io.basalt.storage.schema.BasaltSchema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.tuweni.bytes.Bytes;

/**
 * The incremental trie against {@link ReferenceTrieRoot}, which builds the root from scratch from
 * the final key set: any sequence of puts and removes must give the same root, the same values, and
 * valid proofs, also after a commit and a reopen from the store.
 */
class TriePropertyTest {

  /** A put (non-empty value) or a remove (empty value). */
  record Op(Bytes key, Bytes value) {}

  @Property(tries = 300)
  void incrementalUpdatesShouldMatchARootBuiltFromScratch(@ForAll("ops") List<Op> ops)
      throws InvalidProofException {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty(TrieTestSupport.memoryNodeStore());
    Map<Bytes, Bytes> expected = new HashMap<>();
    apply(ops, trie, expected);

    assertThat(trie.rootHash()).isEqualTo(ReferenceTrieRoot.root(expected));
    for (Op op : ops) {
      assertThat(trie.get(op.key()))
          .isEqualTo(java.util.Optional.ofNullable(expected.get(op.key())));
      assertThat(TrieProofVerifier.verify(trie.rootHash(), op.key(), trie.proof(op.key())))
          .isEqualTo(java.util.Optional.ofNullable(expected.get(op.key())));
    }
  }

  @Property(tries = 150)
  void updatesAfterReopeningACommittedRootShouldMatchTheReference(
      @ForAll("ops") List<Op> before, @ForAll("ops") List<Op> after) {
    KvStore kv = InMemoryKvStore.create(BasaltSchema.SCHEMA);
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty(new KvNodeStore(kv));
    Map<Bytes, Bytes> expected = new HashMap<>();
    apply(before, trie, expected);
    var root = trie.commit();

    // A fresh node store over the same database: everything must come from storage.
    MerklePatriciaTrie reopened = MerklePatriciaTrie.open(root, new KvNodeStore(kv));
    for (Op op : before) {
      assertThat(reopened.get(op.key()))
          .isEqualTo(java.util.Optional.ofNullable(expected.get(op.key())));
    }
    apply(after, reopened, expected);
    assertThat(reopened.rootHash()).isEqualTo(ReferenceTrieRoot.root(expected));
    var newRoot = reopened.commit();
    assertThat(MerklePatriciaTrie.open(newRoot, new KvNodeStore(kv)).rootHash()).isEqualTo(newRoot);
    // The older root stays readable (no pruning) and unchanged.
    assertThat(MerklePatriciaTrie.open(root, new KvNodeStore(kv)).rootHash()).isEqualTo(root);
  }

  private static void apply(List<Op> ops, MerklePatriciaTrie trie, Map<Bytes, Bytes> expected) {
    for (Op op : ops) {
      if (op.value().isEmpty()) {
        trie.remove(op.key());
        expected.remove(op.key());
      } else {
        trie.put(op.key(), op.value());
        expected.put(op.key(), op.value());
      }
    }
  }

  @Provide
  Arbitrary<List<Op>> ops() {
    // Few distinct byte values so keys share prefixes and end inside each other.
    Arbitrary<Bytes> keys =
        Arbitraries.of((byte) 0x00, (byte) 0x01, (byte) 0x10, (byte) 0x1f, (byte) 0xf1)
            .array(byte[].class)
            .ofMinSize(0)
            .ofMaxSize(4)
            .map(Bytes::wrap);
    Arbitrary<Bytes> values =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(1, Arbitraries.just(Bytes.EMPTY)),
            net.jqwik.api.Tuple.of(
                3,
                Arbitraries.bytes()
                    .array(byte[].class)
                    .ofMinSize(1)
                    .ofMaxSize(40)
                    .map(Bytes::wrap)));
    return Combinators.combine(keys, values).as(Op::new).list().ofMaxSize(40);
  }
}
