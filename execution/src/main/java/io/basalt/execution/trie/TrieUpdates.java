package io.basalt.execution.trie;

import org.apache.tuweni.bytes.Bytes;

/**
 * The trie algorithms on immutable nodes: each update returns the new root of the subtree and
 * returns the same node when nothing changed, so untouched subtrees keep their cached hashes. Keys
 * are nibble arrays; {@code at} is the number of nibbles already consumed above the node. Null
 * stands for the empty subtree.
 */
final class TrieUpdates {

  private final NodeLoader loader;

  TrieUpdates(NodeLoader loader) {
    this.loader = loader;
  }

  Bytes get(Node node, byte[] key, int at) {
    while (node != null) {
      node = loader.resolve(node);
      switch (node) {
        case LeafNode leaf -> {
          int common = Nibbles.commonPrefix(leaf.path, key, at);
          return common == leaf.path.length && at + common == key.length ? leaf.value : null;
        }
        case ExtensionNode ext -> {
          if (Nibbles.commonPrefix(ext.path, key, at) != ext.path.length) {
            return null;
          }
          at += ext.path.length;
          node = ext.child;
        }
        case BranchNode branch -> {
          if (at == key.length) {
            return branch.value;
          }
          node = branch.children[key[at]];
          at++;
        }
        case HashNode ignored -> throw new IllegalStateException("resolved above");
      }
    }
    return null;
  }

  Node put(Node node, byte[] key, int at, Bytes value) {
    if (node == null) {
      return new LeafNode(Nibbles.slice(key, at), value);
    }
    node = loader.resolve(node);
    return switch (node) {
      case LeafNode leaf -> putInLeaf(leaf, key, at, value);
      case ExtensionNode ext -> putInExtension(ext, key, at, value);
      case BranchNode branch -> {
        if (at == key.length) {
          yield value.equals(branch.value) ? branch : branch.withValue(value);
        }
        Node child = branch.children[key[at]];
        Node updated = put(child, key, at + 1, value);
        yield updated == child ? branch : branch.withChild(key[at], updated);
      }
      case HashNode ignored -> throw new IllegalStateException("resolved above");
    };
  }

  private Node putInLeaf(LeafNode leaf, byte[] key, int at, Bytes value) {
    int common = Nibbles.commonPrefix(leaf.path, key, at);
    if (common == leaf.path.length && at + common == key.length) {
      return value.equals(leaf.value) ? leaf : new LeafNode(leaf.path, value);
    }
    Node[] children = new Node[16];
    Bytes branchValue = null;
    if (common == leaf.path.length) {
      branchValue = leaf.value;
    } else {
      children[leaf.path[common]] = new LeafNode(Nibbles.slice(leaf.path, common + 1), leaf.value);
    }
    int rest = at + common;
    if (rest == key.length) {
      branchValue = value;
    } else {
      children[key[rest]] = new LeafNode(Nibbles.slice(key, rest + 1), value);
    }
    return withPrefix(Nibbles.slice(leaf.path, 0, common), new BranchNode(children, branchValue));
  }

  private Node putInExtension(ExtensionNode ext, byte[] key, int at, Bytes value) {
    int common = Nibbles.commonPrefix(ext.path, key, at);
    if (common == ext.path.length) {
      Node updated = put(ext.child, key, at + common, value);
      return updated == ext.child ? ext : new ExtensionNode(ext.path, updated);
    }
    Node[] children = new Node[16];
    Bytes branchValue = null;
    byte[] extRest = Nibbles.slice(ext.path, common + 1);
    children[ext.path[common]] =
        extRest.length == 0 ? ext.child : new ExtensionNode(extRest, ext.child);
    int rest = at + common;
    if (rest == key.length) {
      branchValue = value;
    } else {
      children[key[rest]] = new LeafNode(Nibbles.slice(key, rest + 1), value);
    }
    return withPrefix(Nibbles.slice(ext.path, 0, common), new BranchNode(children, branchValue));
  }

  private static Node withPrefix(byte[] prefix, BranchNode branch) {
    return prefix.length == 0 ? branch : new ExtensionNode(prefix, branch);
  }

  Node remove(Node node, byte[] key, int at) {
    if (node == null) {
      return null;
    }
    Node resolved = loader.resolve(node);
    return switch (resolved) {
      case LeafNode leaf -> {
        int common = Nibbles.commonPrefix(leaf.path, key, at);
        boolean match = common == leaf.path.length && at + common == key.length;
        yield match ? null : node;
      }
      case ExtensionNode ext -> {
        if (Nibbles.commonPrefix(ext.path, key, at) != ext.path.length) {
          yield node;
        }
        Node updated = remove(ext.child, key, at + ext.path.length);
        yield updated == ext.child ? node : joinPath(ext.path, updated);
      }
      case BranchNode branch -> {
        BranchNode updated;
        if (at == key.length) {
          if (branch.value == null) {
            yield node;
          }
          updated = branch.withValue(null);
        } else {
          Node child = branch.children[key[at]];
          Node newChild = remove(child, key, at + 1);
          if (newChild == child) {
            yield node;
          }
          updated = branch.withChild(key[at], newChild);
        }
        yield collapse(updated);
      }
      case HashNode ignored -> throw new IllegalStateException("resolved above");
    };
  }

  /** A branch left with a single entry becomes a leaf or joins the path of its only child. */
  private Node collapse(BranchNode branch) {
    int only = -1;
    for (int i = 0; i < 16; i++) {
      if (branch.children[i] != null) {
        if (only >= 0 || branch.value != null) {
          return branch;
        }
        only = i;
      }
    }
    if (only < 0) {
      return branch.value == null ? null : new LeafNode(Nibbles.EMPTY, branch.value);
    }
    return joinPath(new byte[] {(byte) only}, branch.children[only]);
  }

  /** {@code prefix} followed by {@code child}, merged into one node where the child allows. */
  private Node joinPath(byte[] prefix, Node child) {
    if (child == null) {
      return null;
    }
    Node resolved = loader.resolve(child);
    return switch (resolved) {
      case LeafNode leaf -> new LeafNode(Nibbles.concat(prefix, leaf.path), leaf.value);
      case ExtensionNode ext -> new ExtensionNode(Nibbles.concat(prefix, ext.path), ext.child);
      case BranchNode branch -> new ExtensionNode(prefix, child);
      case HashNode ignored -> throw new IllegalStateException("resolved above");
    };
  }
}
