package io.basalt.execution.transaction;

import io.basalt.common.crypto.Hash;
import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import io.basalt.execution.rlp.RlpWriter;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * An EIP-1559 (type 2) transaction: {@code 0x02 || rlp([chainId, nonce, maxPriorityFeePerGas,
 * maxFeePerGas, gasLimit, to, value, data, accessList, yParity, r, s])}, signed over {@code
 * keccak256(0x02 || rlp([...the first nine fields]))}.
 *
 * <p>{@code yParity} is kept as decoded (any canonical integer) so that a bad value is reported by
 * {@link SenderRecovery} as an invalid signature, as Ethereum clients do, not as malformed bytes.
 */
public final class Eip1559Transaction implements Transaction {

  static final int TYPE = 0x02;

  private static final Bytes TYPE_BYTE = Bytes.of(TYPE);

  private final BigInteger chainId;
  private final UInt64 nonce;
  private final BigInteger maxPriorityFeePerGas;
  private final BigInteger maxFeePerGas;
  private final UInt64 gasLimit;
  private final Optional<Address> to;
  private final BigInteger value;
  private final Bytes data;
  private final List<AccessListEntry> accessList;
  private final BigInteger yParity;
  private final BigInteger r;
  private final BigInteger s;
  private final Bytes encoded;
  // Keccak-256 of encoded: pools, blocks and JSON-RPC ask for it often.
  private final Bytes32 hash;

  /**
   * @throws IllegalArgumentException if an amount, the chain id or a signature value is negative or
   *     above 2^256-1
   */
  public Eip1559Transaction(
      BigInteger chainId,
      UInt64 nonce,
      BigInteger maxPriorityFeePerGas,
      BigInteger maxFeePerGas,
      UInt64 gasLimit,
      Optional<Address> to,
      BigInteger value,
      Bytes data,
      List<AccessListEntry> accessList,
      BigInteger yParity,
      BigInteger r,
      BigInteger s) {
    this.chainId = TxFields.uint256("chainId", chainId);
    this.nonce = Objects.requireNonNull(nonce, "nonce");
    this.maxPriorityFeePerGas = TxFields.uint256("maxPriorityFeePerGas", maxPriorityFeePerGas);
    this.maxFeePerGas = TxFields.uint256("maxFeePerGas", maxFeePerGas);
    this.gasLimit = Objects.requireNonNull(gasLimit, "gasLimit");
    this.to = Objects.requireNonNull(to, "to");
    this.value = TxFields.uint256("value", value);
    this.data = Bytes.wrap(Objects.requireNonNull(data, "data").toArray());
    this.accessList = List.copyOf(accessList);
    this.yParity = TxFields.uint256("yParity", yParity);
    this.r = TxFields.uint256("r", r);
    this.s = TxFields.uint256("s", s);
    this.encoded =
        typed(
            w -> {
              writePayload(w);
              w.writeScalar(yParity);
              w.writeScalar(r);
              w.writeScalar(s);
            });
    this.hash = Hash.keccak256(encoded);
  }

  /** An unsigned transaction (yParity, r, s zero) to pass to {@link TransactionSigner}. */
  public static Eip1559Transaction unsigned(
      BigInteger chainId,
      UInt64 nonce,
      BigInteger maxPriorityFeePerGas,
      BigInteger maxFeePerGas,
      UInt64 gasLimit,
      Optional<Address> to,
      BigInteger value,
      Bytes data,
      List<AccessListEntry> accessList) {
    return new Eip1559Transaction(
        chainId,
        nonce,
        maxPriorityFeePerGas,
        maxFeePerGas,
        gasLimit,
        to,
        value,
        data,
        accessList,
        BigInteger.ZERO,
        BigInteger.ZERO,
        BigInteger.ZERO);
  }

  /** This transaction with another signature. */
  public Eip1559Transaction withSignature(BigInteger yParity, BigInteger r, BigInteger s) {
    return new Eip1559Transaction(
        chainId,
        nonce,
        maxPriorityFeePerGas,
        maxFeePerGas,
        gasLimit,
        to,
        value,
        data,
        accessList,
        yParity,
        r,
        s);
  }

  @Override
  public TransactionType type() {
    return TransactionType.EIP1559;
  }

  @Override
  public Optional<BigInteger> chainId() {
    return Optional.of(chainId);
  }

  @Override
  public UInt64 nonce() {
    return nonce;
  }

  @Override
  public BigInteger maxPriorityFeePerGas() {
    return maxPriorityFeePerGas;
  }

  @Override
  public BigInteger maxFeePerGas() {
    return maxFeePerGas;
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
    return accessList;
  }

  /** The y-parity of the signature's R point: must be 0 or 1 for a valid signature. */
  public BigInteger yParity() {
    return yParity;
  }

  @Override
  public BigInteger r() {
    return r;
  }

  @Override
  public BigInteger s() {
    return s;
  }

  @Override
  public Bytes encode() {
    return encoded;
  }

  @Override
  public Bytes32 hash() {
    return hash;
  }

  @Override
  public Bytes32 signingHash() {
    return Hash.keccak256(typed(this::writePayload));
  }

  /** {@code 0x02 || rlp([...])} of the list whose items {@code body} writes. */
  private static Bytes typed(Consumer<RlpWriter> body) {
    return new RlpWriter().writeRaw(TYPE_BYTE).writeList(body).encoded();
  }

  /** The nine signed fields. */
  private void writePayload(RlpWriter w) {
    w.writeScalar(chainId);
    w.writeScalar(nonce);
    w.writeScalar(maxPriorityFeePerGas);
    w.writeScalar(maxFeePerGas);
    w.writeScalar(gasLimit);
    w.writeBytes(to.map(Address::bytes).orElse(Bytes.EMPTY));
    w.writeScalar(value);
    w.writeBytes(data);
    w.writeList(this::writeAccessList);
  }

  private void writeAccessList(RlpWriter w) {
    for (AccessListEntry entry : accessList) {
      w.writeList(
          e -> {
            e.writeBytes(entry.address().bytes());
            e.writeList(
                keys -> {
                  for (Bytes32 key : entry.storageKeys()) {
                    keys.writeBytes(key);
                  }
                });
          });
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Eip1559Transaction that && encoded.equals(that.encoded);
  }

  @Override
  public int hashCode() {
    return encoded.hashCode();
  }

  @Override
  public String toString() {
    return "Eip1559Transaction[chainId="
        + chainId
        + ", nonce="
        + nonce
        + ", maxPriorityFeePerGas="
        + maxPriorityFeePerGas
        + ", maxFeePerGas="
        + maxFeePerGas
        + ", gasLimit="
        + gasLimit
        + ", to="
        + to.map(Address::toString).orElse("(creation)")
        + ", value="
        + value
        + ", data="
        + data.size()
        + " bytes, accessList="
        + accessList.size()
        + " entries]";
  }
}
