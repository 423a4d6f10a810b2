package io.basalt.testnet.l2;

import io.basalt.common.crypto.Hash;
import io.basalt.common.types.Address;
import io.basalt.execution.settlement.Uint;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The toy rollup's state: account balances (wei) and a string key-value store. Not thread-safe;
 * owned by one {@link ToyRollup}.
 *
 * <p>The state root is a plain commitment, not a trie: {@code keccak256(keccak256(accounts) ‖
 * keccak256(entries))}, where {@code accounts} is the sorted balances as {@code address ‖ uint256}
 * and {@code entries} the sorted pairs as {@code keccak256(key) ‖ keccak256(value)}. Enough for
 * operators to sign one value per batch; a real rollup would commit a trie that proves one account.
 */
public final class L2Ledger {

  private final TreeMap<Address, BigInteger> balances = new TreeMap<>();
  private final TreeMap<String, String> store = new TreeMap<>();

  /** An independent copy, for rolling back. */
  L2Ledger copy() {
    L2Ledger copy = new L2Ledger();
    copy.balances.putAll(balances);
    copy.store.putAll(store);
    return copy;
  }

  public BigInteger balanceOf(Address account) {
    return balances.getOrDefault(account, BigInteger.ZERO);
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(store.get(key));
  }

  void credit(Address account, BigInteger amount) {
    balances.merge(account, amount, BigInteger::add);
  }

  void debit(Address account, BigInteger amount) throws L2Exception {
    BigInteger balance = balanceOf(account);
    if (balance.compareTo(amount) < 0) {
      throw new L2Exception(
          "L2 account " + account + " holds " + balance + " wei, cannot spend " + amount);
    }
    BigInteger left = balance.subtract(amount);
    if (left.signum() == 0) {
      balances.remove(account);
    } else {
      balances.put(account, left);
    }
  }

  void put(String key, String value) {
    store.put(key, value);
  }

  /** The commitment over every balance and entry (see the class comment). */
  public Bytes32 stateRoot() {
    List<Bytes> accounts = new ArrayList<>();
    for (Map.Entry<Address, BigInteger> e : balances.entrySet()) {
      accounts.add(e.getKey().bytes());
      accounts.add(Uint.word(e.getValue()));
    }
    List<Bytes> entries = new ArrayList<>();
    for (Map.Entry<String, String> e : store.entrySet()) {
      entries.add(utf8Hash(e.getKey()));
      entries.add(utf8Hash(e.getValue()));
    }
    return Hash.keccak256(
        Bytes.concatenate(
            Hash.keccak256(Bytes.concatenate(accounts.toArray(Bytes[]::new))),
            Hash.keccak256(Bytes.concatenate(entries.toArray(Bytes[]::new)))));
  }

  private static Bytes32 utf8Hash(String text) {
    return Hash.keccak256(Bytes.wrap(text.getBytes(StandardCharsets.UTF_8)));
  }
}
