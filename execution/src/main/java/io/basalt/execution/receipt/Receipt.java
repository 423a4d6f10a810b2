package io.basalt.execution.receipt;

import io.basalt.common.types.UInt64;
import io.basalt.execution.rlp.RlpException;
import io.basalt.execution.rlp.RlpReader;
import io.basalt.execution.rlp.RlpWriter;
import io.basalt.execution.transaction.TransactionType;
import io.basalt.execution.trie.OrderedTrieRoot;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The consensus part of an Ethereum transaction receipt (EIP-658 status form): the transaction's
 * type, whether it succeeded, the gas used by the block up to and including it, and its logs.
 *
 * <p>{@link #encode()} is Ethereum's consensus encoding (EIP-2718): a legacy receipt is {@code
 * rlp([status, cumulativeGasUsed, logsBloom, logs])}, a type-2 receipt is {@code 0x02 ||} that
 * list. Status is {@code 0x01} for success and the empty string for failure, as geth writes it.
 * These encodings are the values of the receipts trie ({@link #rootOf}).
 *
 * <p>Immutable; accessors are named as a record's would be. The bloom is computed once, on
 * construction.
 */
public final class Receipt {

  private static final int FIELDS = 4;
  private static final Bytes STATUS_SUCCESS = Bytes.of(1);

  private final TransactionType type;
  private final boolean success;
  private final UInt64 cumulativeGasUsed;
  private final List<Log> logs;
  private final LogsBloom bloom;

  public Receipt(TransactionType type, boolean success, UInt64 cumulativeGasUsed, List<Log> logs) {
    this.type = Objects.requireNonNull(type, "type");
    this.success = success;
    this.cumulativeGasUsed = Objects.requireNonNull(cumulativeGasUsed, "cumulativeGasUsed");
    this.logs = List.copyOf(logs);
    this.bloom = LogsBloom.of(this.logs);
  }

  /** The receipts root of a block whose receipts are {@code receipts}, in transaction order. */
  public static Bytes32 rootOf(List<Receipt> receipts) {
    List<Bytes> encoded = new ArrayList<>(receipts.size());
    for (Receipt receipt : receipts) {
      encoded.add(receipt.encode());
    }
    return OrderedTrieRoot.of(encoded);
  }

  public TransactionType type() {
    return type;
  }

  public boolean success() {
    return success;
  }

  public UInt64 cumulativeGasUsed() {
    return cumulativeGasUsed;
  }

  public List<Log> logs() {
    return logs;
  }

  /** The bloom of this receipt's logs. */
  public LogsBloom bloom() {
    return bloom;
  }

  /** The consensus encoding: the type byte (none for legacy) followed by the RLP list. */
  public Bytes encode() {
    RlpWriter writer = new RlpWriter();
    writer.writeList(
        fields -> {
          fields.writeBytes(success ? STATUS_SUCCESS : Bytes.EMPTY);
          fields.writeScalar(cumulativeGasUsed);
          fields.writeBytes(bloom.toBytes());
          fields.writeList(
              list -> {
                for (Log log : logs) {
                  log.writeTo(list);
                }
              });
        });
    Bytes rlp = writer.encoded();
    return type == TransactionType.LEGACY ? rlp : Bytes.concatenate(Bytes.of(type.typeByte()), rlp);
  }

  /**
   * Decodes the consensus encoding of a legacy or type-2 receipt. Decoding is strict, so the result
   * re-encodes to exactly {@code encoded}: canonical RLP, four fields, a status of {@code 0x01} or
   * empty (pre-Byzantium post-state roots are refused), a 64-bit cumulative gas, a 256-byte bloom
   * equal to the bloom of the logs, and well-formed logs.
   *
   * @throws ReceiptDecodingException for anything else
   */
  public static Receipt decode(Bytes encoded) throws ReceiptDecodingException {
    if (encoded.isEmpty()) {
      throw new ReceiptDecodingException("empty input");
    }
    int first = encoded.get(0) & 0xff;
    try {
      if (first >= 0xc0) {
        return decodeFields(TransactionType.LEGACY, RlpReader.of(encoded).readListFully());
      }
      if (first == TransactionType.EIP1559.typeByte()) {
        return decodeFields(
            TransactionType.EIP1559, RlpReader.of(encoded.slice(1)).readListFully());
      }
      if (first <= 0x7f) {
        throw new ReceiptDecodingException(
            String.format("receipt type 0x%02x is not supported", first));
      }
      throw new ReceiptDecodingException(
          String.format("first byte 0x%02x is neither a type byte nor an RLP list", first));
    } catch (RlpException e) {
      throw new ReceiptDecodingException(e.getMessage());
    }
  }

  private static Receipt decodeFields(TransactionType type, RlpReader fields)
      throws ReceiptDecodingException {
    boolean success = status(fields.readBytes());
    UInt64 cumulativeGasUsed = fields.readUInt64("cumulativeGasUsed");
    Bytes bloomBytes = fields.readBytes();
    if (bloomBytes.size() != LogsBloom.BYTES) {
      throw new ReceiptDecodingException(
          "logs bloom is " + bloomBytes.size() + " bytes, expected " + LogsBloom.BYTES);
    }
    RlpReader logItems = fields.readList();
    List<Log> logs = new ArrayList<>();
    while (logItems.hasNext()) {
      logs.add(Log.readFrom(logItems));
    }
    if (fields.hasNext()) {
      throw new ReceiptDecodingException("a receipt has " + FIELDS + " fields, found more");
    }
    Receipt receipt = new Receipt(type, success, cumulativeGasUsed, logs);
    // The bloom is derived from the logs; one that disagrees could not be re-encoded as received.
    if (!receipt.bloom.equals(LogsBloom.fromBytes(bloomBytes))) {
      throw new ReceiptDecodingException("logs bloom does not match the logs");
    }
    return receipt;
  }

  private static boolean status(Bytes status) throws ReceiptDecodingException {
    if (status.isEmpty()) {
      return false;
    }
    if (status.equals(STATUS_SUCCESS)) {
      return true;
    }
    if (status.size() == Bytes32.SIZE) {
      throw new ReceiptDecodingException(
          "pre-Byzantium receipts with a post-state root are not supported");
    }
    throw new ReceiptDecodingException("status must be 0x01 or empty, got " + status.toHexString());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Receipt other
        && type == other.type
        && success == other.success
        && cumulativeGasUsed.equals(other.cumulativeGasUsed)
        && logs.equals(other.logs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, success, cumulativeGasUsed, logs);
  }

  @Override
  public String toString() {
    return "Receipt[type="
        + type
        + ", success="
        + success
        + ", cumulativeGasUsed="
        + cumulativeGasUsed
        + ", logs="
        + logs
        + "]";
  }
}
