package io.basalt.testnet.l2;

import io.basalt.common.types.Address;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/** One Ethereum-style log as JSON-RPC returns it. */
public record L1Log(Address address, List<Bytes32> topics, Bytes data, long blockNumber) {
  public L1Log {
    topics = List.copyOf(topics);
  }
}
