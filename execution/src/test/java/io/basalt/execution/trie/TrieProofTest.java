package io.basalt.execution.trie;

import static io.basalt.execution.trie.TrieTestSupport.bytesOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.crypto.Hash;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrieProofTest {

  private SecureTrie trie;
  private Bytes32 root;

  @BeforeEach
  void setUp() {
    trie = SecureTrie.empty(TrieTestSupport.memoryNodeStore());
    for (int i = 0; i < 300; i++) {
      trie.put(Bytes.ofUnsignedInt(i), bytesOf("value number " + i + " of the proof test"));
    }
    root = trie.commit();
  }

  @Test
  void proofOfAPresentKeyShouldYieldItsValue() throws InvalidProofException {
    Bytes key = Bytes.ofUnsignedInt(42);
    List<Bytes> proof = trie.proof(key);
    assertThat(proof).hasSizeGreaterThan(1);
    assertThat(Hash.keccak256(proof.get(0))).isEqualTo(root);
    assertThat(TrieProofVerifier.verify(root, SecureTrie.hashedKey(key), proof))
        .contains(bytesOf("value number 42 of the proof test"));
  }

  @Test
  void proofOfAnAbsentKeyShouldProveAbsence() throws InvalidProofException {
    Bytes key = Bytes.ofUnsignedInt(100_000);
    assertThat(TrieProofVerifier.verify(root, SecureTrie.hashedKey(key), trie.proof(key)))
        .isEmpty();
  }

  @Test
  void alteredNodeShouldBeRejected() {
    Bytes key = Bytes.ofUnsignedInt(42);
    List<Bytes> proof = trie.proof(key);
    for (int n = 0; n < proof.size(); n++) {
      List<Bytes> tampered = new ArrayList<>(proof);
      byte[] bytes = proof.get(n).toArray();
      bytes[bytes.length - 1] ^= 1;
      tampered.set(n, Bytes.wrap(bytes));
      assertThatThrownBy(() -> TrieProofVerifier.verify(root, SecureTrie.hashedKey(key), tampered))
          .as("node %d altered", n)
          .isInstanceOf(InvalidProofException.class);
    }
  }

  @Test
  void missingNodeShouldBeRejected() {
    Bytes key = Bytes.ofUnsignedInt(42);
    List<Bytes> proof = new ArrayList<>(trie.proof(key));
    proof.remove(proof.size() - 1);
    assertThatThrownBy(() -> TrieProofVerifier.verify(root, SecureTrie.hashedKey(key), proof))
        .isInstanceOf(InvalidProofException.class)
        .hasMessageContaining("not in the node store");
  }

  @Test
  void proofAgainstAnotherRootShouldBeRejected() {
    Bytes key = Bytes.ofUnsignedInt(42);
    List<Bytes> proof = trie.proof(key);
    Bytes32 otherRoot = Hash.keccak256(bytesOf("another root"));
    assertThatThrownBy(() -> TrieProofVerifier.verify(otherRoot, SecureTrie.hashedKey(key), proof))
        .isInstanceOf(InvalidProofException.class);
  }

  @Test
  void garbageNodeHashingToTheRootPathShouldBeRejectedAsInvalidRlp() {
    Bytes garbage = Bytes.fromHexString("0xff00");
    assertThatThrownBy(
            () ->
                TrieProofVerifier.verify(
                    Hash.keccak256(garbage), Bytes.ofUnsignedInt(1), List.of(garbage)))
        .isInstanceOf(InvalidProofException.class);
  }

  @Test
  void emptyRootShouldProveAbsenceOfEveryKey() throws InvalidProofException {
    assertThat(
            TrieProofVerifier.verify(
                MerklePatriciaTrie.EMPTY_ROOT, Bytes.ofUnsignedInt(1), List.of()))
        .isEmpty();
  }
}
