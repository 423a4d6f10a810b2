package io.basalt.execution.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.crypto.Hash;
import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import io.basalt.execution.trie.InvalidProofException;
import io.basalt.execution.trie.MerklePatriciaTrie;
import io.basalt.execution.trie.TrieTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountProofTest {

  private WorldState state;
  private Bytes32 root;

  private static Address address(int i) {
    return new Address(Hash.keccak256(Bytes.ofUnsignedInt(i)).slice(12, 20));
  }

  @BeforeEach
  void setUp() {
    state = WorldState.empty(TrieTestSupport.memoryNodeStore());
    for (int i = 0; i < 200; i++) {
      state.put(address(i), Account.of(UInt64.valueOf(i), Wei.ofEther(i + 1)));
    }
    root = state.commit();
  }

  @Test
  void proofShouldHaveTheEthGetProofShapeAndVerify() throws InvalidProofException {
    AccountProof proof = state.proof(address(7));
    assertThat(proof.nonce()).isEqualTo(UInt64.valueOf(7));
    assertThat(proof.balance()).isEqualTo(Wei.ofEther(8));
    assertThat(proof.storageHash()).isEqualTo(MerklePatriciaTrie.EMPTY_ROOT);
    assertThat(proof.codeHash()).isEqualTo(Account.EMPTY_CODE_HASH);
    assertThat(proof.storageProof()).isEmpty();
    assertThat(Hash.keccak256(proof.accountProof().get(0))).isEqualTo(root);

    assertThat(AccountProofVerifier.verify(root, address(7), proof.accountProof()))
        .contains(Account.of(UInt64.valueOf(7), Wei.ofEther(8)));
    AccountProofVerifier.verify(root, proof);
  }

  @Test
  void proofOfAMissingAccountShouldProveAbsence() throws InvalidProofException {
    AccountProof proof = state.proof(address(5000));
    assertThat(proof.account()).isEmpty();
    assertThat(proof.balance()).isEqualTo(Wei.ZERO);
    assertThat(AccountProofVerifier.verify(root, address(5000), proof.accountProof())).isEmpty();
    AccountProofVerifier.verify(root, proof);
  }

  @Test
  void tamperedProofShouldBeRejected() {
    AccountProof proof = state.proof(address(7));
    List<Bytes> nodes = new ArrayList<>(proof.accountProof());
    int last = nodes.size() - 1;
    byte[] leaf = nodes.get(last).toArray();
    leaf[leaf.length - 40] ^= 0x01; // inside the account RLP: the balance or storage root
    nodes.set(last, Bytes.wrap(leaf));
    assertThatThrownBy(() -> AccountProofVerifier.verify(root, address(7), nodes))
        .isInstanceOf(InvalidProofException.class);
  }

  @Test
  void proofClaimingAnotherAccountShouldBeRejected() {
    AccountProof honest = state.proof(address(7));
    AccountProof lying =
        new AccountProof(
            honest.address(),
            Optional.of(Account.of(UInt64.valueOf(7), Wei.ofEther(1000))),
            honest.accountProof(),
            List.of());
    assertThatThrownBy(() -> AccountProofVerifier.verify(root, lying))
        .isInstanceOf(InvalidProofException.class)
        .hasMessageContaining("claims");
  }

  @Test
  void proofOfOneAddressShouldNotProveAnother() {
    AccountProof proof = state.proof(address(7));
    assertThatThrownBy(() -> AccountProofVerifier.verify(root, address(8), proof.accountProof()))
        .isInstanceOf(InvalidProofException.class);
  }
}
