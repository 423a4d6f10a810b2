package io.basalt.execution.receipt;

import io.basalt.common.crypto.Hash;
import java.util.Arrays;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Ethereum's 2048-bit logs bloom (yellow paper, section 4.3.1, {@code M3:2048}): each of a log's
 * address and topics sets three bits, taken from the low 11 bits of the first three byte pairs of
 * its Keccak-256. Bit {@code i} is bit {@code i mod 8} of byte {@code 255 - i / 8} (big-endian, as
 * the 256 bytes appear in a receipt or block header).
 *
 * <p>Immutable and thread-safe; every combining method returns a new bloom.
 */
public final class LogsBloom {

  /** Size of the bloom in bytes. */
  public static final int BYTES = 256;

  /** The bloom with no bit set: that of a receipt without logs. */
  public static final LogsBloom EMPTY = new LogsBloom(new byte[BYTES]);

  private final byte[] bits;

  private LogsBloom(byte[] bits) {
    this.bits = bits;
  }

  /** The bloom of the addresses and topics of {@code logs}. */
  public static LogsBloom of(List<Log> logs) {
    if (logs.isEmpty()) {
      return EMPTY;
    }
    byte[] bits = new byte[BYTES];
    for (Log log : logs) {
      set(bits, log.address().bytes());
      for (Bytes32 topic : log.topics()) {
        set(bits, topic);
      }
    }
    return new LogsBloom(bits);
  }

  /** The union of the blooms of {@code receipts}: the {@code logsBloom} of a block header. */
  public static LogsBloom ofReceipts(List<Receipt> receipts) {
    byte[] bits = new byte[BYTES];
    for (Receipt receipt : receipts) {
      byte[] other = receipt.bloom().bits;
      for (int i = 0; i < BYTES; i++) {
        bits[i] |= other[i];
      }
    }
    return new LogsBloom(bits);
  }

  /**
   * The bloom held in {@code bytes}.
   *
   * @throws IllegalArgumentException unless {@code bytes} is exactly {@value #BYTES} bytes
   */
  public static LogsBloom fromBytes(Bytes bytes) {
    if (bytes.size() != BYTES) {
      throw new IllegalArgumentException(
          "A logs bloom is " + BYTES + " bytes, got " + bytes.size());
    }
    return new LogsBloom(bytes.toArray());
  }

  /** This bloom with the three bits of {@code item} (an address or topic) also set. */
  public LogsBloom with(Bytes item) {
    byte[] copy = bits.clone();
    set(copy, item);
    return new LogsBloom(copy);
  }

  /** The union of this bloom and {@code other}. */
  public LogsBloom or(LogsBloom other) {
    byte[] union = bits.clone();
    for (int i = 0; i < BYTES; i++) {
      union[i] |= other.bits[i];
    }
    return new LogsBloom(union);
  }

  /**
   * Whether {@code item} may have been added: false means certainly not, true may be a false
   * positive.
   */
  public boolean mightContain(Bytes item) {
    byte[] hash = Hash.keccak256(item.toArrayUnsafe());
    for (int pair = 0; pair < 6; pair += 2) {
      int bit = bitIndex(hash, pair);
      if ((bits[byteIndex(bit)] & mask(bit)) == 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether every bit set here is also set in {@code other}. */
  public boolean isSubsetOf(LogsBloom other) {
    for (int i = 0; i < BYTES; i++) {
      if ((bits[i] & ~other.bits[i]) != 0) {
        return false;
      }
    }
    return true;
  }

  /** The {@value #BYTES} bytes of the bloom, as encoded in receipts and headers. */
  public Bytes toBytes() {
    return Bytes.wrap(bits.clone());
  }

  private static void set(byte[] bits, Bytes item) {
    byte[] hash = Hash.keccak256(item.toArrayUnsafe());
    for (int pair = 0; pair < 6; pair += 2) {
      int bit = bitIndex(hash, pair);
      bits[byteIndex(bit)] |= mask(bit);
    }
  }

  /** The low 11 bits of the big-endian byte pair at {@code offset}. */
  private static int bitIndex(byte[] hash, int offset) {
    return ((hash[offset] & 0x07) << 8) | (hash[offset + 1] & 0xff);
  }

  private static int byteIndex(int bit) {
    return BYTES - 1 - (bit >>> 3);
  }

  private static int mask(int bit) {
    return 1 << (bit & 7);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LogsBloom other && Arrays.equals(bits, other.bits);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bits);
  }

  @Override
  public String toString() {
    return Bytes.wrap(bits).toHexString();
  }
}
