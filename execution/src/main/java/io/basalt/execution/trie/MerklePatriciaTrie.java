package io.basalt.execution.trie;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Ethereum's Merkle-Patricia trie over raw byte keys (yellow paper, appendix D), with root hashes
 * identical to Ethereum's for the same contents.
 *
 * <p><b>Write-back.</b> Updates build new in-memory nodes; nothing is hashed until {@link
 * #rootHash()} and nothing is written until {@link #commit()}, which stores only the nodes that are
 * new and reachable from the current root, in one atomic write. Nodes made obsolete by later
 * updates before a commit are never written. Nodes of a committed root are loaded lazily from the
 * {@link NodeStore} on first access.
 *
 * <p><b>Snapshots.</b> Nodes are immutable, so {@link #snapshot()} is O(1) and later updates to
 * either trie do not affect the other. {@link #open} reopens any committed root.
 *
 * <p>Not thread-safe: one thread updates a trie at a time. Stored nodes are never deleted here
 * (pruning is future work), so every committed root stays readable.
 */
public final class MerklePatriciaTrie {

  /** Keccak-256 of {@code rlp("")}: the root of the empty trie. */
  public static final Bytes32 EMPTY_ROOT =
      Bytes32.fromHexString("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");

  private final NodeStore store;
  private final TrieUpdates updates;
  private Node root;

  private MerklePatriciaTrie(NodeStore store, Node root) {
    this.store = store;
    this.updates = new TrieUpdates(new NodeLoader(store));
    this.root = root;
  }

  /** An empty trie whose commits go to {@code store}. */
  public static MerklePatriciaTrie empty(NodeStore store) {
    return new MerklePatriciaTrie(store, null);
  }

  /**
   * The trie with root {@code rootHash}, previously committed to {@code store}.
   *
   * @throws TrieException if the root node is not in the store
   */
  public static MerklePatriciaTrie open(Bytes32 rootHash, NodeStore store) {
    if (rootHash.equals(EMPTY_ROOT)) {
      return empty(store);
    }
    return new MerklePatriciaTrie(store, new NodeLoader(store).load(rootHash));
  }

  /** The value under {@code key}, if any. */
  public Optional<Bytes> get(Bytes key) {
    return Optional.ofNullable(updates.get(root, Nibbles.fromBytes(key.toArrayUnsafe()), 0));
  }

  /**
   * Sets the value under {@code key}. As in Ethereum, an empty value is the same as {@link
   * #remove}: the trie never holds empty values.
   */
  public void put(Bytes key, Bytes value) {
    if (value.isEmpty()) {
      remove(key);
      return;
    }
    root = updates.put(root, Nibbles.fromBytes(key.toArrayUnsafe()), 0, value.copy());
  }

  /** Removes {@code key}; nodes left with a single entry are collapsed as the trie requires. */
  public void remove(Bytes key) {
    root = updates.remove(root, Nibbles.fromBytes(key.toArrayUnsafe()), 0);
  }

  public boolean isEmpty() {
    return root == null;
  }

  /** The root hash; hashes only nodes changed since they were last hashed. */
  public Bytes32 rootHash() {
    return root == null ? EMPTY_ROOT : root.hash();
  }

  /** Writes the new nodes to the store in one atomic write and returns the root hash. */
  public Bytes32 commit() {
    Map<Bytes32, Bytes> nodes = new LinkedHashMap<>();
    List<Node> written = collectNew((hash, encoded) -> nodes.put(hash, encoded));
    if (!nodes.isEmpty()) {
      store.putAll(nodes);
    }
    written.forEach(node -> node.persisted = true);
    return rootHash();
  }

  /**
   * Hands the new nodes to {@code sink} (for instance the storage transaction of a block import)
   * and returns the root hash. The nodes count as persisted from then on: if the caller discards
   * that transaction it must discard this trie too and reopen the last committed root.
   */
  public Bytes32 commit(NodeSink sink) {
    collectNew(sink).forEach(node -> node.persisted = true);
    return rootHash();
  }

  /** An independent trie with the same contents, sharing every node. */
  public MerklePatriciaTrie snapshot() {
    return new MerklePatriciaTrie(store, root);
  }

  /**
   * The Merkle proof for {@code key}: the RLP of every hashed node on its path, root first (nodes
   * embedded in a parent are inside the parent's RLP). It proves the value, or the absence of the
   * key, against {@link #rootHash()}; check it with {@link TrieProofVerifier}.
   */
  public List<Bytes> proof(Bytes key) {
    List<Bytes> proof = new ArrayList<>();
    new ProofCollector(new NodeLoader(store))
        .collect(root, Nibbles.fromBytes(key.toArrayUnsafe()), proof);
    return proof;
  }

  /** Sends every unpersisted node that a parent hashes (and the root) to {@code sink}. */
  private List<Node> collectNew(NodeSink sink) {
    List<Node> visited = new ArrayList<>();
    if (root != null) {
      collectNew(root, true, sink, visited);
    }
    return visited;
  }

  private static void collectNew(Node node, boolean isRoot, NodeSink sink, List<Node> visited) {
    if (node == null || node.persisted) {
      return;
    }
    switch (node) {
      case ExtensionNode ext -> collectNew(ext.child, false, sink, visited);
      case BranchNode branch -> {
        for (Node child : branch.children) {
          collectNew(child, false, sink, visited);
        }
      }
      case LeafNode leaf -> {}
      case HashNode ref -> {}
    }
    if (isRoot || node.isHashed()) {
      sink.put(node.hash(), Bytes.wrap(node.encoding()));
    }
    visited.add(node);
  }
}
