package io.basalt.execution.transaction;

import io.basalt.common.crypto.Hash;
import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import io.basalt.execution.rlp.RlpWriter;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A legacy (untyped) transaction: {@code rlp([nonce, gasPrice, gasLimit, to, value, data, v, r,
 * s])}. Since EIP-155, {@code v = 35 + 2 * chainId + yParity} and the signed payload includes the
 * chain id; a pre-EIP-155 {@code v} of 27/28 still decodes and recovers, and {@link
 * TransactionValidator} refuses it as {@link TxRejection#UNPROTECTED}.
 */
public final class LegacyTransaction implements Transaction {

  private static final BigInteger V_27 = BigInteger.valueOf(27);
  private static final BigInteger V_28 = BigInteger.valueOf(28);
  private static final BigInteger V_35 = BigInteger.valueOf(35);

  private final UInt64 nonce;
  private final BigInteger gasPrice;
  private final UInt64 gasLimit;
  private final Optional<Address> to;
  private final BigInteger value;
  private final Bytes data;
  private final BigInteger v;
  private final BigInteger r;
  private final BigInteger s;
  private final Bytes encoded;
  // Keccak-256 of encoded: pools, blocks and JSON-RPC ask for it often.
  private final Bytes32 hash;

  /**
   * @throws IllegalArgumentException if an amount or signature value is negative or above 2^256-1
   */
  public LegacyTransaction(
      UInt64 nonce,
      BigInteger gasPrice,
      UInt64 gasLimit,
      Optional<Address> to,
      BigInteger value,
      Bytes data,
      BigInteger v,
      BigInteger r,
      BigInteger s) {
    this.nonce = Objects.requireNonNull(nonce, "nonce");
    this.gasPrice = TxFields.uint256("gasPrice", gasPrice);
    this.gasLimit = Objects.requireNonNull(gasLimit, "gasLimit");
    this.to = Objects.requireNonNull(to, "to");
    this.value = TxFields.uint256("value", value);
    this.data = Bytes.wrap(Objects.requireNonNull(data, "data").toArray());
    this.v = TxFields.uint256("v", v);
    this.r = TxFields.uint256("r", r);
    this.s = TxFields.uint256("s", s);
    this.encoded = withTail(v, r, s);
    this.hash = Hash.keccak256(encoded);
  }

  /** An unsigned transaction (v, r, s zero) to pass to {@link TransactionSigner}. */
  public static LegacyTransaction unsigned(
      UInt64 nonce,
      BigInteger gasPrice,
      UInt64 gasLimit,
      Optional<Address> to,
      BigInteger value,
      Bytes data) {
    return new LegacyTransaction(
        nonce,
        gasPrice,
        gasLimit,
        to,
        value,
        data,
        BigInteger.ZERO,
        BigInteger.ZERO,
        BigInteger.ZERO);
  }

  /** This transaction with another signature. */
  public LegacyTransaction withSignature(BigInteger v, BigInteger r, BigInteger s) {
    return new LegacyTransaction(nonce, gasPrice, gasLimit, to, value, data, v, r, s);
  }

  @Override
  public TransactionType type() {
    return TransactionType.LEGACY;
  }

  @Override
  public UInt64 nonce() {
    return nonce;
  }

  public BigInteger gasPrice() {
    return gasPrice;
  }

  @Override
  public UInt64 gasLimit() {
    return gasLimit;
  }

  @Override
  public Optional<Address> to() {
    return to;
  }

  @Override
  public BigInteger value() {
    return value;
  }

  @Override
  public Bytes data() {
    return data;
  }

  @Override
  public List<AccessListEntry> accessList() {
    return List.of();
  }

  /** The raw v: 27/28 before EIP-155, {@code 35 + 2 * chainId + yParity} after. */
  public BigInteger v() {
    return v;
  }

  @Override
  public BigInteger r() {
    return r;
  }

  @Override
  public BigInteger s() {
    return s;
  }

  /** Whether v is 27 or 28: signed before EIP-155, so valid on any chain. */
  public boolean isPreEip155() {
    return v.equals(V_27) || v.equals(V_28);
  }

  @Override
  public Optional<BigInteger> chainId() {
    if (v.compareTo(V_35) < 0) {
      return Optional.empty();
    }
    return Optional.of(v.subtract(V_35).shiftRight(1));
  }

  @Override
  public BigInteger maxFeePerGas() {
    return gasPrice;
  }

  @Override
  public BigInteger maxPriorityFeePerGas() {
    return gasPrice;
  }

  @Override
  public Bytes encode() {
    return encoded;
  }

  @Override
  public Bytes32 hash() {
    return hash;
  }

  /**
   * The signing hash for the chain id in v: EIP-155's {@code keccak(rlp([nonce, gasPrice, gasLimit,
   * to, value, data, chainId, 0, 0]))}, or the six-field form for a v of 27/28.
   */
  @Override
  public Bytes32 signingHash() {
    return signingHash(chainId());
  }

  /** The signing hash for {@code chainId}, or the pre-EIP-155 one when it is empty. */
  public Bytes32 signingHash(Optional<BigInteger> chainId) {
    Bytes rlp =
        chainId.isPresent()
            ? withTail(TxFields.uint256("chainId", chainId.get()), BigInteger.ZERO, BigInteger.ZERO)
            : RlpWriter.list(this::writePayload);
    return Hash.keccak256(rlp);
  }

  /** The six fields every form starts with. */
  private void writePayload(RlpWriter w) {
    w.writeScalar(nonce);
    w.writeScalar(gasPrice);
    w.writeScalar(gasLimit);
    w.writeBytes(to.map(Address::bytes).orElse(Bytes.EMPTY));
    w.writeScalar(value);
    w.writeBytes(data);
  }

  /** The list of the payload followed by (v, r, s) or, for signing, (chainId, 0, 0). */
  private Bytes withTail(BigInteger a, BigInteger b, BigInteger c) {
    return RlpWriter.list(
        w -> {
          writePayload(w);
          w.writeScalar(a);
          w.writeScalar(b);
          w.writeScalar(c);
        });
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LegacyTransaction that && encoded.equals(that.encoded);
  }

  @Override
  public int hashCode() {
    return encoded.hashCode();
  }

  @Override
  public String toString() {
    return "LegacyTransaction[nonce="
        + nonce
        + ", gasPrice="
        + gasPrice
        + ", gasLimit="
        + gasLimit
        + ", to="
        + to.map(Address::toString).orElse("(creation)")
        + ", value="
        + value
        + ", data="
        + data.size()
        + " bytes, v="
        + v
        + "]";
  }
}
