package io.basalt.execution.trie;

import static io.basalt.execution.trie.TrieTestSupport.bytesOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.crypto.Hash;
import io.basalt.storage.KvStore;
import io.basalt.storage.KvStoreTransaction;
import io.basalt.storage.memory.InMemoryKvStore;
import io.basalt.storage.rocksdb.RocksDbConfig;
import io.basalt.storage.rocksdb.RocksDbKvStore;
import io.basalt.storage.schema.BasaltSchema;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TriePersistenceTest {

  /** Counts what a commit writes and otherwise behaves as the in-memory store. */
  private static final class RecordingStore implements NodeStore {
    final Map<Bytes32, Bytes> nodes = new HashMap<>();
    int batches;

    @Override
    public Optional<Bytes> get(Bytes32 hash) {
      return Optional.ofNullable(nodes.get(hash));
    }

    @Override
    public void putAll(Map<Bytes32, Bytes> batch) {
      batches++;
      nodes.putAll(batch);
    }
  }

  @Test
  void committedRootShouldReopenFromAFreshRocksDbStore(@TempDir Path dir) {
    Bytes32 root;
    try (KvStore kv = RocksDbKvStore.open(dir, RocksDbConfig.defaults(), BasaltSchema.SCHEMA)) {
      MerklePatriciaTrie trie = MerklePatriciaTrie.empty(new KvNodeStore(kv));
      for (int i = 0; i < 500; i++) {
        trie.put(Hash.keccak256(Bytes.ofUnsignedInt(i)), Bytes.ofUnsignedInt(i * 7L + 1));
      }
      root = trie.commit();
    }
    try (KvStore kv = RocksDbKvStore.open(dir, RocksDbConfig.defaults(), BasaltSchema.SCHEMA)) {
      MerklePatriciaTrie reopened = MerklePatriciaTrie.open(root, new KvNodeStore(kv));
      for (int i = 0; i < 500; i++) {
        assertThat(reopened.get(Hash.keccak256(Bytes.ofUnsignedInt(i))))
            .contains(Bytes.ofUnsignedInt(i * 7L + 1));
      }
      assertThat(reopened.rootHash()).isEqualTo(root);
    }
  }

  @Test
  void commitShouldWriteOnlyNodesReachableFromTheNewRootInOneBatch() {
    RecordingStore store = new RecordingStore();
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty(store);
    for (int i = 0; i < 200; i++) {
      trie.put(Hash.keccak256(Bytes.ofUnsignedInt(i)), Bytes.ofUnsignedInt(i + 1000));
    }
    trie.commit();
    assertThat(store.batches).isEqualTo(1);
    int afterFirst = store.nodes.size();

    Bytes32 key = Hash.keccak256(Bytes.ofUnsignedInt(5));
    trie.put(key, bytesOf("an intermediate value that is overwritten before the commit"));
    Bytes32 intermediateRoot = trie.rootHash();
    trie.put(key, bytesOf("the final value, long enough that its leaf is hashed"));
    Bytes32 finalRoot = trie.commit();

    assertThat(store.batches).isEqualTo(2);
    assertThat(store.nodes).containsKey(finalRoot).doesNotContainKey(intermediateRoot);
    // Only the changed path is new: a handful of nodes for 200 keys (depth about 2-3).
    assertThat(store.nodes.size() - afterFirst).isBetween(2, 5);
    assertThat(trie.commit()).isEqualTo(finalRoot);
    assertThat(store.batches).as("nothing new to write, no batch").isEqualTo(2);
  }

  @Test
  void tinyTrieRootShouldBeStoredEvenThoughItIsUnder32Bytes() {
    KvStore kv = InMemoryKvStore.create(BasaltSchema.SCHEMA);
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty(new KvNodeStore(kv));
    trie.put(bytesOf("a"), bytesOf("b"));
    Bytes32 root = trie.commit();
    assertThat(MerklePatriciaTrie.open(root, new KvNodeStore(kv)).get(bytesOf("a")))
        .contains(bytesOf("b"));
  }

  @Test
  void commitIntoACallerTransactionShouldBecomeVisibleOnItsCommit() {
    KvStore kv = InMemoryKvStore.create(BasaltSchema.SCHEMA);
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty(new KvNodeStore(kv));
    trie.put(bytesOf("doe"), bytesOf("reindeer"));
    trie.put(bytesOf("dog"), bytesOf("puppy"));
    Bytes32 root;
    try (KvStoreTransaction tx = kv.startTransaction()) {
      root = trie.commit(KvNodeStore.sink(tx));
      assertThat(kv.get(BasaltSchema.TRIE_NODES, root)).isEmpty();
      tx.commit();
    }
    assertThat(MerklePatriciaTrie.open(root, new KvNodeStore(kv)).get(bytesOf("dog")))
        .contains(bytesOf("puppy"));
  }

  @Test
  void snapshotShouldKeepItsContentsWhileTheTrieChanges() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty(TrieTestSupport.memoryNodeStore());
    trie.put(bytesOf("dog"), bytesOf("puppy"));
    MerklePatriciaTrie snapshot = trie.snapshot();
    Bytes32 before = snapshot.rootHash();
    trie.put(bytesOf("dog"), bytesOf("hound"));
    trie.put(bytesOf("doge"), bytesOf("coin"));
    assertThat(snapshot.get(bytesOf("dog"))).contains(bytesOf("puppy"));
    assertThat(snapshot.get(bytesOf("doge"))).isEmpty();
    assertThat(snapshot.rootHash()).isEqualTo(before).isNotEqualTo(trie.rootHash());
  }

  @Test
  void putOfAnEmptyValueShouldRemoveTheKey() {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty(TrieTestSupport.memoryNodeStore());
    trie.put(bytesOf("dog"), bytesOf("puppy"));
    trie.put(bytesOf("dog"), Bytes.EMPTY);
    assertThat(trie.get(bytesOf("dog"))).isEmpty();
    assertThat(trie.rootHash()).isEqualTo(MerklePatriciaTrie.EMPTY_ROOT);
  }

  @Test
  void missingRootShouldFailWithTrieException() {
    Bytes32 unknown = Hash.keccak256(bytesOf("no such node"));
    assertThatThrownBy(() -> MerklePatriciaTrie.open(unknown, TrieTestSupport.memoryNodeStore()))
        .isInstanceOf(TrieException.class)
        .hasMessageContaining(unknown.toHexString());
  }

  @Test
  void missingInnerNodeShouldFailWithTrieExceptionOnAccess() {
    RecordingStore store = new RecordingStore();
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty(store);
    for (int i = 0; i < 50; i++) {
      trie.put(Hash.keccak256(Bytes.ofUnsignedInt(i)), Hash.keccak256(Bytes.ofUnsignedInt(i)));
    }
    Bytes32 root = trie.commit();
    store.nodes.keySet().removeIf(hash -> !hash.equals(root));
    MerklePatriciaTrie reopened = MerklePatriciaTrie.open(root, store);
    assertThatThrownBy(() -> reopened.get(Hash.keccak256(Bytes.ofUnsignedInt(1))))
        .isInstanceOf(TrieException.class)
        .hasMessageContaining("not in the node store");
  }

  @Test
  void corruptStoredNodeShouldFailWithTrieException() {
    RecordingStore store = new RecordingStore();
    Bytes32 hash = Hash.keccak256(bytesOf("garbage"));
    store.nodes.put(hash, Bytes.fromHexString("0xc3808080"));
    assertThatThrownBy(() -> MerklePatriciaTrie.open(hash, store))
        .isInstanceOf(TrieException.class)
        .hasMessageContaining("2 or 17 items");
  }
}
