package io.basalt.execution.state;

import io.basalt.common.types.Address;
import io.basalt.execution.trie.NodeSink;
import io.basalt.execution.trie.NodeStore;
import io.basalt.execution.trie.SecureTrie;
import java.util.HashMap;
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
 * <p>Not thread-safe: one thread executes a shard's block at a time.
 */
public final class WorldState {

  private final SecureTrie trie;

  /** Changed accounts not yet in the trie; an empty Optional is a deletion. */
  private final Map<Address, Optional<Account>> pending = new HashMap<>();

  private WorldState(SecureTrie trie) {
    this.trie = trie;
  }

  public static WorldState empty(NodeStore store) {
    return new WorldState(SecureTrie.empty(store));
  }

  /**
   * The state with root {@code stateRoot}, committed earlier to {@code store}.
   *
   * @throws io.basalt.execution.trie.TrieException if the root is not in the store
   */
  public static WorldState open(Bytes32 stateRoot, NodeStore store) {
    return new WorldState(SecureTrie.open(stateRoot, store));
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

  /** The state root over every change so far. */
  public Bytes32 rootHash() {
    flush();
    return trie.rootHash();
  }

  /** Writes the new trie nodes to the node store in one atomic write; returns the state root. */
  public Bytes32 commit() {
    flush();
    return trie.commit();
  }

  /** Hands the new trie nodes to {@code sink}; see {@link SecureTrie#commit(NodeSink)}. */
  public Bytes32 commit(NodeSink sink) {
    flush();
    return trie.commit(sink);
  }

  /** An independent copy of the current state that later changes to either do not affect. */
  public WorldState snapshot() {
    flush();
    return new WorldState(trie.snapshot());
  }

  /** The {@code eth_getProof} answer for {@code address} against {@link #rootHash()}. */
  public AccountProof proof(Address address) {
    flush();
    List<Bytes> nodes = trie.proof(address.bytes());
    return new AccountProof(address, get(address), nodes, List.of());
  }

  private void touch(Address address, Account account) {
    pending.put(address, account.isEmpty() ? Optional.empty() : Optional.of(account));
  }

  private void flush() {
    for (Map.Entry<Address, Optional<Account>> change : pending.entrySet()) {
      Bytes key = change.getKey().bytes();
      change
          .getValue()
          .ifPresentOrElse(account -> trie.put(key, account.toRlp()), () -> trie.remove(key));
    }
    pending.clear();
  }
}
