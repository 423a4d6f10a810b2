package io.basalt.execution.trie;

import io.basalt.common.crypto.Hash;
import io.basalt.execution.rlp.Rlp;
import io.basalt.execution.rlp.RlpItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * An independent root computation for tests, written directly from the yellow paper's definition
 * (appendix D): {@code TRIE(J) = KEC(RLP(c(J, 0)))}, with the structural composition {@code c} and
 * the node-cap function {@code n} applied recursively to the whole key set at once. It shares no
 * code with the incremental trie except RLP, which its own known-answer tests cover.
 */
public final class ReferenceTrieRoot {

  private ReferenceTrieRoot() {}

  /** The root of a trie holding exactly {@code entries} (empty values are not allowed). */
  public static Bytes32 root(Map<Bytes, Bytes> entries) {
    List<int[]> keys = new ArrayList<>();
    List<Bytes> values = new ArrayList<>();
    entries.forEach(
        (key, value) -> {
          keys.add(nibbles(key));
          values.add(value);
        });
    if (keys.isEmpty()) {
      return Hash.keccak256(Rlp.encode(Bytes.EMPTY));
    }
    return Hash.keccak256(Rlp.encode(compose(keys, values, 0)));
  }

  private static RlpItem compose(List<int[]> keys, List<Bytes> values, int i) {
    if (keys.size() == 1) {
      int[] key = keys.get(0);
      return RlpItem.list(
          RlpItem.string(hexPrefix(key, i, key.length, true)), RlpItem.string(values.get(0)));
    }
    int shared = sharedLength(keys, i);
    if (shared > i) {
      return RlpItem.list(
          RlpItem.string(hexPrefix(keys.get(0), i, shared, false)), cap(keys, values, shared));
    }
    RlpItem[] slots = new RlpItem[17];
    slots[16] = RlpItem.string(Bytes.EMPTY);
    for (int nibble = 0; nibble < 16; nibble++) {
      List<int[]> subKeys = new ArrayList<>();
      List<Bytes> subValues = new ArrayList<>();
      for (int k = 0; k < keys.size(); k++) {
        int[] key = keys.get(k);
        if (key.length == i) {
          slots[16] = RlpItem.string(values.get(k));
        } else if (key[i] == nibble) {
          subKeys.add(key);
          subValues.add(values.get(k));
        }
      }
      slots[nibble] =
          subKeys.isEmpty() ? RlpItem.string(Bytes.EMPTY) : cap(subKeys, subValues, i + 1);
    }
    return RlpItem.list(slots);
  }

  /** n(J, i): the node itself if its RLP is under 32 bytes, else the hash of its RLP. */
  private static RlpItem cap(List<int[]> keys, List<Bytes> values, int i) {
    RlpItem node = compose(keys, values, i);
    Bytes encoded = Rlp.encode(node);
    return encoded.size() < 32 ? node : RlpItem.string(Hash.keccak256(encoded));
  }

  /** The index up to which every key agrees, never past the shortest key. */
  private static int sharedLength(List<int[]> keys, int from) {
    int end = Integer.MAX_VALUE;
    for (int[] key : keys) {
      end = Math.min(end, key.length);
    }
    for (int pos = from; pos < end; pos++) {
      int nibble = keys.get(0)[pos];
      for (int[] key : keys) {
        if (key[pos] != nibble) {
          return pos;
        }
      }
    }
    return end;
  }

  private static Bytes hexPrefix(int[] key, int from, int to, boolean leaf) {
    int length = to - from;
    StringBuilder hex = new StringBuilder();
    int flag = (leaf ? 2 : 0) + (length % 2);
    hex.append(Integer.toHexString(flag));
    if (length % 2 == 0) {
      hex.append('0');
    }
    for (int p = from; p < to; p++) {
      hex.append(Integer.toHexString(key[p]));
    }
    return Bytes.fromHexString(hex.toString());
  }

  private static int[] nibbles(Bytes key) {
    String hex = key.toUnprefixedHexString();
    int[] out = new int[hex.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Character.digit(hex.charAt(i), 16);
    }
    return out;
  }
}
