package io.basalt.execution.transaction;

import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A signed Ethereum transaction as Basalt takes it: legacy (EIP-155) or EIP-1559 (type 2).
 *
 * <p>Instances are immutable and hold their own network encoding, so {@link #encode()} and {@link
 * #hash()} give exactly the bytes and hash Ethereum clients give for the same transaction. Amounts
 * in wei are non-negative {@link BigInteger}s of at most 256 bits. Building or decoding a
 * transaction checks only its shape; {@link TransactionValidator} and {@link SenderRecovery} judge
 * it.
 */
public sealed interface Transaction permits LegacyTransaction, Eip1559Transaction {

  TransactionType type();

  UInt64 nonce();

  UInt64 gasLimit();

  /** The recipient; empty for contract creation (which Basalt refuses). */
  Optional<Address> to();

  /** Wei transferred to the recipient. */
  BigInteger value();

  Bytes data();

  /** The EIP-2930 access list; always empty for legacy transactions. */
  List<AccessListEntry> accessList();

  /**
   * The chain id the signature commits to: the type-2 field, or for legacy transactions the one
   * packed into v by EIP-155. Empty for a pre-EIP-155 legacy v (27/28) or a v that encodes none.
   */
  Optional<BigInteger> chainId();

  /** The most wei per gas the sender pays: maxFeePerGas, or a legacy transaction's gasPrice. */
  BigInteger maxFeePerGas();

  /** The most wei per gas for the proposer: maxPriorityFeePerGas, or the legacy gasPrice. */
  BigInteger maxPriorityFeePerGas();

  BigInteger r();

  BigInteger s();

  /** The network (and RPC) form: the legacy RLP list, or the type byte followed by the RLP list. */
  Bytes encode();

  /** The transaction hash: Keccak-256 of {@link #encode()}. */
  Bytes32 hash();

  /** The hash the sender signed (EIP-155 for legacy, EIP-1559 for type 2). */
  Bytes32 signingHash();

  /** The size in bytes of {@link #encode()}, as geth's {@code tx.Size()}. */
  default int size() {
    return encode().size();
  }

  default boolean isContractCreation() {
    return to().isEmpty();
  }
}
