package io.basalt.execution.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.crypto.Hash;
import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import io.basalt.execution.rlp.Rlp;
import io.basalt.execution.rlp.RlpItem;
import io.basalt.execution.trie.KvNodeStore;
import io.basalt.execution.trie.MerklePatriciaTrie;
import io.basalt.execution.trie.ReferenceTrieRoot;
import io.basalt.execution.trie.TrieTestSupport;
import io.basalt.storage.KvStore;
import io.basalt.storage.memory.InMemoryKvStore;
import io.basalt.storage.schema.BasaltSchema;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class WorldStateTest {

  private static final Address ALICE =
      Address.fromHexString("0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b");
  private static final Address BOB =
      Address.fromHexString("0x095e7baea6a6c7c4c2dfeb977efac326af552d87");
  private static final Address CAROL =
      Address.fromHexString("0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ba");

  /**
   * ethereum/tests {@code TrieTests/hex_encoded_securetrie_test.json}, test1: five accounts (one of
   * them with storage, one with code, one empty) and Ethereum's published state root.
   */
  @Test
  void stateRootShouldMatchEthereumsSecureTrieVector() {
    String[][] accounts = {
      {
        "0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b",
        "0xf848018405f446a7a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421a0c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"
      },
      {
        "0x095e7baea6a6c7c4c2dfeb977efac326af552d87",
        "0xf8440101a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421a004bccc5d94f4d1f99aab44369a910179931772f2a5c001c3229f57831c102769"
      },
      {
        "0xd2571607e241ecf590ed94b12d87c94babe36db6",
        "0xf8440180a0ba4b47865c55a341a4a78759bb913cd15c3ee8eaf30a62fa8d1c8863113d84e8a0c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"
      },
      {
        "0x62c01474f089b07dae603491675dc5b5748f7049",
        "0xf8448080a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421a0c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"
      },
      {
        "0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ba",
        "0xf8478083019a59a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421a0c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"
      },
    };
    WorldState state = WorldState.empty(TrieTestSupport.memoryNodeStore());
    for (String[] entry : accounts) {
      Bytes rlp = Bytes.fromHexString(entry[1]);
      Account account = Account.fromRlp(rlp);
      assertThat(account.toRlp()).isEqualTo(rlp);
      state.put(Address.fromHexString(entry[0]), account);
    }
    assertThat(state.rootHash())
        .isEqualTo(
            Bytes32.fromHexString(
                "0x730a444e08ab4b8dee147c9b232fc52d34a223d600031c1e9d25bfc985cbd797"));
  }

  /**
   * A genesis with a few allocations, checked against a root computed by a second code path: the
   * account RLP built item by item and the root built from the whole set by {@link
   * ReferenceTrieRoot} (yellow paper definition), not by incremental updates.
   */
  @Test
  void genesisRootShouldMatchAnIndependentComputation() {
    Map<Address, BigInteger> allocations = new HashMap<>();
    for (int i = 1; i <= 12; i++) {
      Address address = new Address(Hash.keccak256(Bytes.ofUnsignedInt(i)).slice(12, 20));
      allocations.put(address, BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(i * 1000L)));
    }
    WorldState state = WorldState.empty(TrieTestSupport.memoryNodeStore());
    Map<Bytes, Bytes> expected = new HashMap<>();
    allocations.forEach(
        (address, wei) -> {
          state.addBalance(address, new Wei(wei));
          Bytes accountRlp =
              Rlp.encode(
                  RlpItem.list(
                      RlpItem.string(Bytes.EMPTY),
                      RlpItem.string(Bytes.wrap(wei.toByteArray()).trimLeadingZeros()),
                      RlpItem.string(Hash.keccak256(Rlp.encode(Bytes.EMPTY))),
                      RlpItem.string(Hash.keccak256(Bytes.EMPTY))));
          expected.put(Hash.keccak256(address.bytes()), accountRlp);
        });
    assertThat(state.rootHash()).isEqualTo(ReferenceTrieRoot.root(expected));
  }

  @Test
  void balanceAndNonceOperationsShouldUpdateTheAccount() throws InsufficientBalanceException {
    WorldState state = WorldState.empty(TrieTestSupport.memoryNodeStore());
    state.addBalance(ALICE, Wei.ofEther(10));
    state.incrementNonce(ALICE);
    state.subtractBalance(ALICE, Wei.ofEther(3));
    state.addBalance(BOB, Wei.ofEther(3));
    assertThat(state.get(ALICE)).contains(Account.of(UInt64.ONE, Wei.ofEther(7)));
    assertThat(state.get(BOB)).contains(Account.of(UInt64.ZERO, Wei.ofEther(3)));
    assertThat(state.get(CAROL)).isEmpty();
    assertThat(state.getOrEmpty(CAROL)).isEqualTo(Account.EMPTY);
  }

  @Test
  void overdraftShouldFailWithATypedErrorAndChangeNothing() {
    WorldState state = WorldState.empty(TrieTestSupport.memoryNodeStore());
    state.addBalance(ALICE, Wei.of(100));
    Bytes32 before = state.rootHash();
    assertThatThrownBy(() -> state.subtractBalance(ALICE, Wei.of(101)))
        .isInstanceOfSatisfying(
            InsufficientBalanceException.class,
            e -> {
              assertThat(e.balance()).isEqualTo(Wei.of(100));
              assertThat(e.requested()).isEqualTo(Wei.of(101));
              assertThat(e.address()).isEqualTo(ALICE);
            });
    assertThatThrownBy(() -> state.subtractBalance(BOB, Wei.of(1)))
        .isInstanceOf(InsufficientBalanceException.class);
    assertThat(state.rootHash()).isEqualTo(before);
    assertThat(state.get(BOB)).isEmpty();
  }

  @Test
  void touchedAccountsThatBecomeEmptyShouldBeDeletedAsAfterEip161()
      throws InsufficientBalanceException {
    WorldState state = WorldState.empty(TrieTestSupport.memoryNodeStore());
    state.addBalance(BOB, Wei.ZERO);
    assertThat(state.get(BOB)).as("a zero credit does not create an account").isEmpty();
    assertThat(state.rootHash()).isEqualTo(MerklePatriciaTrie.EMPTY_ROOT);

    state.addBalance(ALICE, Wei.of(5));
    state.subtractBalance(ALICE, Wei.of(5));
    assertThat(state.get(ALICE)).as("drained account with nonce 0").isEmpty();
    assertThat(state.rootHash()).isEqualTo(MerklePatriciaTrie.EMPTY_ROOT);

    state.addBalance(CAROL, Wei.of(5));
    state.incrementNonce(CAROL);
    state.subtractBalance(CAROL, Wei.of(5));
    assertThat(state.get(CAROL))
        .as("a used nonce keeps the account")
        .contains(Account.of(UInt64.ONE, Wei.ZERO));
  }

  @Test
  void putShouldStoreEmptyAccountsAsGiven() {
    WorldState state = WorldState.empty(TrieTestSupport.memoryNodeStore());
    state.put(ALICE, Account.EMPTY);
    assertThat(state.get(ALICE)).contains(Account.EMPTY);
    assertThat(state.rootHash()).isNotEqualTo(MerklePatriciaTrie.EMPTY_ROOT);
    state.delete(ALICE);
    assertThat(state.rootHash()).isEqualTo(MerklePatriciaTrie.EMPTY_ROOT);
  }

  @Test
  void committedStateShouldReopenFromAFreshStoreAtItsRoot() throws InsufficientBalanceException {
    KvStore kv = InMemoryKvStore.create(BasaltSchema.SCHEMA);
    WorldState state = WorldState.empty(new KvNodeStore(kv));
    state.addBalance(ALICE, Wei.ofEther(1));
    state.addBalance(BOB, Wei.ofEther(2));
    Bytes32 block1 = state.commit();
    state.subtractBalance(BOB, Wei.ofEther(1));
    state.addBalance(CAROL, Wei.ofEther(1));
    Bytes32 block2 = state.commit();

    WorldState atBlock1 = WorldState.open(block1, new KvNodeStore(kv));
    assertThat(atBlock1.get(BOB)).contains(Account.of(UInt64.ZERO, Wei.ofEther(2)));
    assertThat(atBlock1.get(CAROL)).isEmpty();
    WorldState atBlock2 = WorldState.open(block2, new KvNodeStore(kv));
    assertThat(atBlock2.get(BOB)).contains(Account.of(UInt64.ZERO, Wei.ofEther(1)));
    assertThat(atBlock2.get(CAROL)).contains(Account.of(UInt64.ZERO, Wei.ofEther(1)));
    assertThat(atBlock2.rootHash()).isEqualTo(block2);
  }

  @Test
  void snapshotShouldNotSeeLaterChanges() {
    WorldState state = WorldState.empty(TrieTestSupport.memoryNodeStore());
    state.addBalance(ALICE, Wei.of(1));
    WorldState snapshot = state.snapshot();
    state.addBalance(ALICE, Wei.of(1));
    assertThat(snapshot.getOrEmpty(ALICE).balance()).isEqualTo(Wei.of(1));
    assertThat(state.getOrEmpty(ALICE).balance()).isEqualTo(Wei.of(2));
    assertThat(snapshot.rootHash()).isNotEqualTo(state.rootHash());
  }
}
