package io.basalt.execution.state;

import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The result of {@code eth_getProof} for an address: the account (absent if the address has none)
 * and the RLP of the state-trie nodes from the root to it ({@code accountProof}). For an absent
 * account the accessors give the empty account's values, as Ethereum clients report them, and the
 * proof shows the absence.
 */
public record AccountProof(
    Address address,
    Optional<Account> account,
    List<Bytes> accountProof,
    List<StorageProof> storageProof) {

  public AccountProof {
    accountProof = List.copyOf(accountProof);
    storageProof = List.copyOf(storageProof);
  }

  public UInt64 nonce() {
    return account.orElse(Account.EMPTY).nonce();
  }

  public Wei balance() {
    return account.orElse(Account.EMPTY).balance();
  }

  public Bytes32 storageHash() {
    return account.orElse(Account.EMPTY).storageRoot();
  }

  public Bytes32 codeHash() {
    return account.orElse(Account.EMPTY).codeHash();
  }
}
