package io.basalt.execution.state;

import io.basalt.common.types.Address;
import io.basalt.execution.rlp.RlpException;
import io.basalt.execution.trie.InvalidProofException;
import io.basalt.execution.trie.SecureTrie;
import io.basalt.execution.trie.TrieProofVerifier;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/** Checks account proofs against a state root, with nothing but the proof. */
public final class AccountProofVerifier {

  private AccountProofVerifier() {}

  /**
   * The account of {@code address} in the state with root {@code stateRoot}, or empty if the proof
   * shows that the address has no account.
   *
   * @throws InvalidProofException if the proof is incomplete, altered, or proves a value that is
   *     not an account
   */
  public static Optional<Account> verify(Bytes32 stateRoot, Address address, List<Bytes> proof)
      throws InvalidProofException {
    Optional<Bytes> value =
        TrieProofVerifier.verify(stateRoot, SecureTrie.hashedKey(address.bytes()), proof);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Account.fromRlp(value.get()));
    } catch (RlpException | IllegalArgumentException e) {
      throw new InvalidProofException(
          "Proof for " + address + " leads to a value that is not an account", e);
    }
  }

  /**
   * Checks that {@code proof} proves exactly the account it claims (or the absence it claims).
   *
   * @throws InvalidProofException otherwise
   */
  public static void verify(Bytes32 stateRoot, AccountProof proof) throws InvalidProofException {
    Optional<Account> proven = verify(stateRoot, proof.address(), proof.accountProof());
    if (!proven.equals(proof.account())) {
      throw new InvalidProofException(
          "Proof for "
              + proof.address()
              + " proves "
              + proven.map(Account::toString).orElse("no account")
              + " but claims "
              + proof.account().map(Account::toString).orElse("no account"));
    }
  }
}
