package io.basalt.execution.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.crypto.Hash;
import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import io.basalt.execution.rlp.Rlp;
import io.basalt.execution.trie.MerklePatriciaTrie;
import io.basalt.execution.trie.NodeStore;
import io.basalt.execution.trie.ReferenceTrieRoot;
import io.basalt.execution.trie.SecureTrie;
import io.basalt.execution.trie.TrieProofVerifier;
import io.basalt.execution.trie.TrieTestSupport;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/** Account storage: Ethereum's storage trie under each account's storageRoot. */
class WorldStateStorageTest {

  private static final Address CONTRACT =
      Address.fromHexString("0xba5a170000000000000000000000000000000003");
  private static final Bytes32 SLOT_A = Bytes32.leftPad(Bytes.of(1));
  private static final Bytes32 SLOT_B = Bytes32.repeat((byte) 0x77);
  private static final Bytes32 VALUE = Bytes32.leftPad(Bytes.of(0x12, 0x34));

  private final NodeStore store = TrieTestSupport.memoryNodeStore();
  private final WorldState state = WorldState.empty(store);

  @Test
  void shouldReadZeroForUnwrittenSlotsAndBackWhatWasWritten() {
    assertThat(state.getStorage(CONTRACT, SLOT_A)).isEqualTo(Bytes32.ZERO);
    state.setStorage(CONTRACT, SLOT_A, VALUE);
    assertThat(state.getStorage(CONTRACT, SLOT_A)).isEqualTo(VALUE);
    assertThat(state.getStorage(CONTRACT, SLOT_B)).isEqualTo(Bytes32.ZERO);
  }

  @Test
  void shouldRootStorageAsEthereumDoes() {
    state.setStorage(CONTRACT, SLOT_A, VALUE);
    state.setStorage(CONTRACT, SLOT_B, Bytes32.repeat((byte) 0xff));
    state.rootHash();

    // The reference implementation's root of keccak(slot) -> rlp(value without leading zeros).
    Bytes32 expected =
        ReferenceTrieRoot.root(
            Map.of(
                Hash.keccak256(SLOT_A),
                Rlp.encode(Bytes.of(0x12, 0x34)),
                Hash.keccak256(SLOT_B),
                Rlp.encode(Bytes32.repeat((byte) 0xff))));
    Account account = state.get(CONTRACT).orElseThrow();
    assertThat(account.storageRoot()).isEqualTo(expected);
    // The account is created with nonce 1 so that EIP-161 never deletes it with its storage.
    assertThat(account.nonce()).isEqualTo(UInt64.ONE);
  }

  @Test
  void shouldDeleteSlotsSetToZero() {
    state.setStorage(CONTRACT, SLOT_A, VALUE);
    state.rootHash();
    state.setStorage(CONTRACT, SLOT_A, Bytes32.ZERO);
    state.rootHash();

    assertThat(state.getStorage(CONTRACT, SLOT_A)).isEqualTo(Bytes32.ZERO);
    assertThat(state.get(CONTRACT).orElseThrow().storageRoot())
        .isEqualTo(MerklePatriciaTrie.EMPTY_ROOT);
  }

  @Test
  void shouldKeepSnapshotsIndependent() {
    state.setStorage(CONTRACT, SLOT_A, VALUE);
    WorldState copy = state.snapshot();
    copy.setStorage(CONTRACT, SLOT_A, Bytes32.repeat((byte) 1));
    state.setStorage(CONTRACT, SLOT_B, VALUE);

    assertThat(state.getStorage(CONTRACT, SLOT_A)).isEqualTo(VALUE);
    assertThat(copy.getStorage(CONTRACT, SLOT_A)).isEqualTo(Bytes32.repeat((byte) 1));
    assertThat(copy.getStorage(CONTRACT, SLOT_B)).isEqualTo(Bytes32.ZERO);
  }

  @Test
  void shouldReopenCommittedStorageFromTheRootAloneIncludingThroughASink() {
    state.setStorage(CONTRACT, SLOT_A, VALUE);
    state.addBalance(CONTRACT, Wei.of(5));
    Bytes32 root = state.commit();
    assertThat(WorldState.open(root, store).getStorage(CONTRACT, SLOT_A)).isEqualTo(VALUE);

    WorldState other = WorldState.empty(TrieTestSupport.memoryNodeStore());
    other.setStorage(CONTRACT, SLOT_B, VALUE);
    Map<Bytes32, Bytes> sunk = new HashMap<>();
    Bytes32 otherRoot = other.commit(sunk::put);
    NodeStore fresh = TrieTestSupport.memoryNodeStore();
    fresh.putAll(sunk);
    assertThat(WorldState.open(otherRoot, fresh).getStorage(CONTRACT, SLOT_B)).isEqualTo(VALUE);
  }

  @Test
  void shouldProveSlotsAndTheirAbsenceAgainstTheStorageRoot() throws Exception {
    state.setStorage(CONTRACT, SLOT_A, VALUE);
    Bytes32 stateRoot = state.rootHash();

    AccountProof proof = state.proof(CONTRACT, List.of(SLOT_A, SLOT_B));

    Account account =
        AccountProofVerifier.verify(stateRoot, CONTRACT, proof.accountProof()).orElseThrow();
    assertThat(proof.storageHash()).isEqualTo(account.storageRoot());
    StorageProof a = proof.storageProof().get(0);
    assertThat(a.value()).isEqualTo(BigInteger.valueOf(0x1234));
    assertThat(
            TrieProofVerifier.verify(
                account.storageRoot(), SecureTrie.hashedKey(SLOT_A), a.proof()))
        .contains(Rlp.encode(Bytes.of(0x12, 0x34)));
    StorageProof b = proof.storageProof().get(1);
    assertThat(b.value()).isZero();
    assertThat(
            TrieProofVerifier.verify(
                account.storageRoot(), SecureTrie.hashedKey(SLOT_B), b.proof()))
        .isEqualTo(Optional.empty());
  }
}
