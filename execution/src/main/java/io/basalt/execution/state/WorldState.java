package io.basalt.execution.state;

import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import io.basalt.execution.rlp.Rlp;
import io.basalt.execution.trie.MerklePatriciaTrie;
import io.basalt.execution.trie.NodeSink;
import io.basalt.execution.trie.NodeStore;
import io.basalt.execution.trie.SecureTrie;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The accounts of one shard: a secure Merkle-Patricia trie from Keccak-256(address) to the account
 * RLP, exactly as Ethereum's state trie, so the state root and {@code eth_getProof} match what
 * Ethereum tools expect.
 *
 * <p><b>Write-back.</b> Account changes collect in memory and reach the trie only when the root is
 * needed ({@link #rootHash()}, {@link #commit()}, {@link #proof}, {@link #snapshot()}); repeated
 * changes to one account within a block cost one trie update.
 *
 * <p><b>Empty accounts (EIP-161).</b> The balance and nonce operations "touch" the account: if it
 * ends up empty (nonce 0, balance 0, no code) it is deleted, and a zero-value credit to a missing
 * address does not create it. {@link #put} stores exactly what it is given, empty or not, so
 * genesis allocations and imported states reproduce any root.
 *
 * <p><b>Storage.</b> Each account's storage is a secure trie from Keccak-256(slot) to the RLP of
 * the value with leading zeros stripped, as Ethereum's, whose root is the account's {@code
 * storageRoot}; a zero value deletes the slot. An account whose storage is written gets nonce 1 if
 * it had nonce 0 (as EIP-161 creates contracts), so that it is never "empty" and deleted with its
 * storage.
 *
 * <p>Not thread-safe: one thread executes a shard's block at a time.
 */
public final class WorldState {

  private final NodeStore store;
  private final SecureTrie trie;

  /** Changed accounts not yet in the trie; an empty Optional is a deletion. */
  private final Map<Address, Optional<Account>> pending = new HashMap<>();

  /** Storage tries opened or changed since the last flush, by account. */
  private final Map<Address, SecureTrie> storage = new HashMap<>();

  /** Accounts whose storage trie changed since the last flush. */
  private final Map<Address, Boolean> storageChanged = new LinkedHashMap<>();

  private WorldState(NodeStore store, SecureTrie trie) {
    this.store = store;
    this.trie = trie;
  }

  public static WorldState empty(NodeStore store) {
    return new WorldState(store, SecureTrie.empty(store));
  }

  /**
   * The state with root {@code stateRoot}, committed earlier to {@code store}.
   *
   * @throws io.basalt.execution.trie.TrieException if the root is not in the store
   */
  public static WorldState open(Bytes32 stateRoot, NodeStore store) {
    return new WorldState(store, SecureTrie.open(stateRoot, store));
  }

  public Optional<Account> get(Address address) {
    Optional<Account> changed = pending.get(address);
    if (changed != null) {
      return changed;
    }
    return trie.get(address.bytes()).map(Account::fromRlp);
  }

  /** The account, or {@link Account#EMPTY} if the address has none. */
  public Account getOrEmpty(Address address) {
    return get(address).orElse(Account.EMPTY);
  }

  /** Stores {@code account} as given, even if it is empty. */
  public void put(Address address, Account account) {
    pending.put(address, Optional.of(account));
  }

  public void delete(Address address) {
    pending.put(address, Optional.empty());
  }

  /**
   * @throws ArithmeticException if the nonce is already 2^64 - 1
   */
  public void incrementNonce(Address address) {
    Account account = getOrEmpty(address);
    touch(address, account.withNonce(account.nonce().increment()));
  }

  /**
   * @throws ArithmeticException if the balance would exceed 2^256 - 1
   */
  public void addBalance(Address address, Wei amount) {
    Account account = getOrEmpty(address);
    touch(address, account.withBalance(account.balance().plus(amount)));
  }

  /**
   * @throws InsufficientBalanceException if the balance is less than {@code amount}; the state is
   *     then unchanged
   */
  public void subtractBalance(Address address, Wei amount) throws InsufficientBalanceException {
    Account account = getOrEmpty(address);
    if (account.balance().compareTo(amount) < 0) {
      throw new InsufficientBalanceException(address, account.balance(), amount);
    }
    touch(address, account.withBalance(account.balance().minus(amount)));
  }

  /** The value of storage {@code slot} of {@code address}; zero if never written. */
  public Bytes32 getStorage(Address address, Bytes32 slot) {
    return storageTrie(address)
        .get(slot)
        .map(rlp -> Bytes32.leftPad(Rlp.decodeBytes(rlp)))
        .orElse(Bytes32.ZERO);
  }

  /** Sets storage {@code slot} of {@code address}; zero deletes the slot. */
  public void setStorage(Address address, Bytes32 slot, Bytes32 value) {
    SecureTrie slots = storageTrie(address);
    if (value.isZero()) {
      slots.remove(slot);
    } else {
      slots.put(slot, Rlp.encode(value.trimLeadingZeros()));
    }
    storageChanged.put(address, Boolean.TRUE);
    Account account = getOrEmpty(address);
    if (account.nonce().isZero()) {
      pending.put(address, Optional.of(account.withNonce(UInt64.ONE)));
    }
  }

  /** The state root over every change so far. */
  public Bytes32 rootHash() {
    flush();
    return trie.rootHash();
  }

  /** Writes the new trie nodes to the node store in one atomic write; returns the state root. */
  public Bytes32 commit() {
    Map<Bytes32, Bytes> nodes = new LinkedHashMap<>();
    Bytes32 root = commit(nodes::put);
    if (!nodes.isEmpty()) {
      store.putAll(nodes);
    }
    return root;
  }

  /**
   * Hands the new trie nodes, storage tries' and the account trie's, to {@code sink}; see {@link
   * SecureTrie#commit(NodeSink)}.
   */
  public Bytes32 commit(NodeSink sink) {
    flush();
    for (SecureTrie slots : storage.values()) {
      slots.commit(sink);
    }
    return trie.commit(sink);
  }

  /** An independent copy of the current state that later changes to either do not affect. */
  public WorldState snapshot() {
    flush();
    WorldState copy = new WorldState(store, trie.snapshot());
    storage.forEach((address, slots) -> copy.storage.put(address, slots.snapshot()));
    return copy;
  }

  /** The {@code eth_getProof} answer for {@code address} against {@link #rootHash()}. */
  public AccountProof proof(Address address) {
    return proof(address, List.of());
  }

  /**
   * The {@code eth_getProof} answer for {@code address} and its storage {@code slots}, each proven
   * against the account's storage root.
   */
  public AccountProof proof(Address address, List<Bytes32> slots) {
    flush();
    List<Bytes> nodes = trie.proof(address.bytes());
    List<StorageProof> storageProofs = new ArrayList<>(slots.size());
    SecureTrie slotsTrie = storageTrie(address);
    for (Bytes32 slot : slots) {
      BigInteger value = getStorage(address, slot).toUnsignedBigInteger();
      storageProofs.add(new StorageProof(slot, value, slotsTrie.proof(slot)));
    }
    return new AccountProof(address, get(address), nodes, storageProofs);
  }

  private SecureTrie storageTrie(Address address) {
    SecureTrie slots = storage.get(address);
    if (slots == null) {
      Bytes32 root = getOrEmpty(address).storageRoot();
      slots =
          root.equals(MerklePatriciaTrie.EMPTY_ROOT)
              ? SecureTrie.empty(store)
              : SecureTrie.open(root, store);
      storage.put(address, slots);
    }
    return slots;
  }

  private void touch(Address address, Account account) {
    pending.put(address, account.isEmpty() ? Optional.empty() : Optional.of(account));
  }

  private void flush() {
    for (Address address : storageChanged.keySet()) {
      Account account = getOrEmpty(address);
      pending.put(address, Optional.of(withStorageRoot(account, storage.get(address).rootHash())));
    }
    storageChanged.clear();
    for (Map.Entry<Address, Optional<Account>> change : pending.entrySet()) {
      Bytes key = change.getKey().bytes();
      change
          .getValue()
          .ifPresentOrElse(account -> trie.put(key, account.toRlp()), () -> trie.remove(key));
    }
    pending.clear();
  }

  private static Account withStorageRoot(Account account, Bytes32 root) {
    return new Account(account.nonce(), account.balance(), root, account.codeHash());
  }
}
