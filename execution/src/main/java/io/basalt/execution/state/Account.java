package io.basalt.execution.state;

import io.basalt.common.types.UInt64;
import io.basalt.execution.rlp.RlpException;
import io.basalt.execution.rlp.RlpReader;
import io.basalt.execution.rlp.RlpWriter;
import io.basalt.execution.trie.MerklePatriciaTrie;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * An account as Ethereum stores it in the state trie: {@code rlp([nonce, balance, storageRoot,
 * codeHash])}. Basalt has no contract code or storage yet, so accounts carry the empty storage root
 * and the hash of empty code, but any value round-trips.
 */
public record Account(UInt64 nonce, Wei balance, Bytes32 storageRoot, Bytes32 codeHash) {

  /** Keccak-256 of the empty byte string: the code hash of an account without code. */
  public static final Bytes32 EMPTY_CODE_HASH =
      Bytes32.fromHexString("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");

  /** The state of an address that has no account: nonce 0, no balance, no storage, no code. */
  public static final Account EMPTY =
      new Account(UInt64.ZERO, Wei.ZERO, MerklePatriciaTrie.EMPTY_ROOT, EMPTY_CODE_HASH);

  /** An externally owned account (no code, no storage) with this nonce and balance. */
  public static Account of(UInt64 nonce, Wei balance) {
    return new Account(nonce, balance, MerklePatriciaTrie.EMPTY_ROOT, EMPTY_CODE_HASH);
  }

  /** EIP-161: zero nonce, zero balance and no code. Such accounts are removed when touched. */
  public boolean isEmpty() {
    return nonce.isZero() && balance.isZero() && codeHash.equals(EMPTY_CODE_HASH);
  }

  public Account withNonce(UInt64 newNonce) {
    return new Account(newNonce, balance, storageRoot, codeHash);
  }

  public Account withBalance(Wei newBalance) {
    return new Account(nonce, newBalance, storageRoot, codeHash);
  }

  /** Ethereum's account RLP. */
  public Bytes toRlp() {
    return RlpWriter.list(
        w -> {
          w.writeScalar(nonce);
          w.writeScalar(balance.value());
          w.writeBytes(storageRoot);
          w.writeBytes(codeHash);
        });
  }

  /**
   * @throws RlpException if {@code rlp} is not exactly one canonical account encoding
   */
  public static Account fromRlp(Bytes rlp) {
    RlpReader fields = RlpReader.of(rlp).readListFully();
    UInt64 nonce = fields.readUInt64();
    Wei balance = new Wei(fields.readUInt256());
    Bytes32 storageRoot = fields.readBytes32();
    Bytes32 codeHash = fields.readBytes32();
    fields.ensureEnd();
    return new Account(nonce, balance, storageRoot, codeHash);
  }
}
