package io.basalt.node.rpc.eth;

import io.basalt.common.types.Address;
import io.basalt.execution.transaction.FeeMarket;
import io.basalt.execution.transaction.Transaction;
import java.math.BigInteger;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A transaction with its sender and, once included, where: block hash, number, index and the
 * block's base fee (for the effective gas price).
 */
public record RpcTransaction(Transaction tx, Address from, Optional<Inclusion> inclusion) {

  /** Where an included transaction is. */
  public record Inclusion(Bytes32 blockHash, long blockNumber, int index, BigInteger baseFee) {}

  /** The price per gas paid (included) or offered at most (pending), as {@code gasPrice}. */
  public BigInteger gasPrice() {
    return inclusion
        .flatMap(i -> FeeMarket.effectiveGasPrice(tx, i.baseFee()))
        .orElse(tx.maxFeePerGas());
  }
}
