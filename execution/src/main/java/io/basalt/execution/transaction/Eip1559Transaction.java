package io.basalt.execution.transaction;

import io.basalt.common.crypto.Hash;
import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
    List<byte[]> items = payload();
    items.add(TxRlp.encodeUnsigned(yParity));
    items.add(TxRlp.encodeUnsigned(r));
    items.add(TxRlp.encodeUnsigned(s));
    this.encoded = typed(items);
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
  public Bytes32 signingHash() {
    return Hash.keccak256(typed(payload()));
  }

  private static Bytes typed(List<byte[]> items) {
    return Bytes.concatenate(Bytes.of(TYPE), Bytes.wrap(TxRlp.encodeList(items)));
  }

  /** The nine signed fields. */
  private List<byte[]> payload() {
    List<byte[]> items = new ArrayList<>(12);
    items.add(TxRlp.encodeUnsigned(chainId));
    items.add(TxRlp.encodeUnsigned(nonce.bits()));
    items.add(TxRlp.encodeUnsigned(maxPriorityFeePerGas));
    items.add(TxRlp.encodeUnsigned(maxFeePerGas));
    items.add(TxRlp.encodeUnsigned(gasLimit.bits()));
    items.add(TxRlp.encodeBytes(to.map(address -> address.bytes().toArray()).orElse(new byte[0])));
    items.add(TxRlp.encodeUnsigned(value));
    items.add(TxRlp.encodeBytes(data.toArrayUnsafe()));
    items.add(encodeAccessList(accessList));
    return items;
  }

  private static byte[] encodeAccessList(List<AccessListEntry> accessList) {
    List<byte[]> entries = new ArrayList<>(accessList.size());
    for (AccessListEntry entry : accessList) {
      List<byte[]> keys = new ArrayList<>(entry.storageKeys().size());
      for (Bytes32 key : entry.storageKeys()) {
        keys.add(TxRlp.encodeBytes(key.toArrayUnsafe()));
      }
      entries.add(
          TxRlp.encodeList(
              List.of(
                  TxRlp.encodeBytes(entry.address().bytes().toArrayUnsafe()),
                  TxRlp.encodeList(keys))));
    }
    return TxRlp.encodeList(entries);
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
