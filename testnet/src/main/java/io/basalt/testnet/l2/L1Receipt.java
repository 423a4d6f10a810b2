package io.basalt.testnet.l2;

import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A mined L1 transaction's receipt: whether the call succeeded (a reverted call is mined and
 * charged, with status 0), what it cost, where it landed and its logs.
 */
public record L1Receipt(
    Bytes32 txHash,
    boolean success,
    long gasUsed,
    BigInteger effectiveGasPrice,
    long blockNumber,
    Bytes32 blockHash,
    List<L1Log> logs) {

  public L1Receipt {
    logs = List.copyOf(logs);
  }

  /** What the sender paid for gas. */
  public BigInteger fee() {
    return effectiveGasPrice.multiply(BigInteger.valueOf(gasUsed));
  }

  /** The logs whose first topic is {@code topic0}. */
  public List<L1Log> logs(Bytes32 topic0) {
    return logs.stream()
        .filter(l -> !l.topics().isEmpty() && l.topics().get(0).equals(topic0))
        .toList();
  }
}
