package io.basalt.testnet.l2;

import io.basalt.common.types.Address;
import io.basalt.execution.abi.AbiDecoder;
import io.basalt.execution.abi.AbiDecodingException;
import io.basalt.execution.abi.AbiType;
import io.basalt.execution.abi.AbiTypes;
import io.basalt.execution.settlement.SettlementAbi;
import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A {@code DepositQueued(uint64 indexed rollupId, uint64 indexed nonce, address indexed from,
 * address l2Recipient, uint256 amount, bytes data, bytes32 accumulator)} log, decoded.
 */
public record DepositEvent(
    long rollupId,
    long nonce,
    Address from,
    Address l2Recipient,
    BigInteger amount,
    Bytes data,
    Bytes32 accumulator,
    long blockNumber) {

  private static final List<AbiType> DATA_TYPES =
      AbiTypes.parseList("address,uint256,bytes,bytes32");

  /**
   * Decodes one log's topics and data.
   *
   * @throws L2Exception if it is not a well-formed DepositQueued log
   */
  public static DepositEvent decode(List<Bytes32> topics, Bytes data, long blockNumber)
      throws L2Exception {
    if (topics.size() != 4 || !topics.get(0).equals(SettlementAbi.DEPOSIT_QUEUED.topic0())) {
      throw new L2Exception("not a DepositQueued log: topics " + topics);
    }
    List<Object> values;
    try {
      values = AbiDecoder.decode(DATA_TYPES, data);
    } catch (AbiDecodingException e) {
      throw new L2Exception("malformed DepositQueued data: " + e.getMessage(), e);
    }
    return new DepositEvent(
        topics.get(1).getLong(24),
        topics.get(2).getLong(24),
        new Address(topics.get(3).slice(12, Address.SIZE)),
        (Address) values.get(0),
        (BigInteger) values.get(1),
        (Bytes) values.get(2),
        Bytes32.wrap((Bytes) values.get(3)),
        blockNumber);
  }
}
