package io.basalt.testnet.l2;

import io.basalt.common.types.Address;
import io.basalt.execution.abi.AbiEncoder;
import io.basalt.execution.abi.AbiType;
import io.basalt.execution.abi.AbiTypes;
import io.basalt.execution.settlement.Uint;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/**
 * One toy-rollup transaction. Its {@link #encode() encoding} (a kind byte and the ABI encoding of
 * its fields) is what a batch's {@code dataHash} commits to, so anyone holding a batch's
 * transactions can replay it. The toy rollup has no L2 signatures: it trusts its operators, whose
 * quorum signs each batch.
 */
public sealed interface L2Tx {

  /** The kind byte followed by the ABI encoding of the fields. */
  Bytes encode();

  /** L1 deposit {@code depositNonce} credited to {@code recipient}. */
  record Credit(long depositNonce, Address recipient, BigInteger amount) implements L2Tx {
    private static final List<AbiType> TYPES = AbiTypes.parseList("uint64,address,uint256");

    @Override
    public Bytes encode() {
      return Bytes.concatenate(
          Bytes.of(0), AbiEncoder.encode(TYPES, List.of(Uint.of(depositNonce), recipient, amount)));
    }
  }

  /** An L2 transfer. */
  record Transfer(Address from, Address to, BigInteger amount) implements L2Tx {
    private static final List<AbiType> TYPES = AbiTypes.parseList("address,address,uint256");

    @Override
    public Bytes encode() {
      return Bytes.concatenate(Bytes.of(1), AbiEncoder.encode(TYPES, List.of(from, to, amount)));
    }
  }

  /** A key-value write. */
  record Put(String key, String value) implements L2Tx {
    private static final List<AbiType> TYPES = AbiTypes.parseList("bytes,bytes");

    @Override
    public Bytes encode() {
      return Bytes.concatenate(
          Bytes.of(2),
          AbiEncoder.encode(
              TYPES,
              List.of(
                  Bytes.wrap(key.getBytes(StandardCharsets.UTF_8)),
                  Bytes.wrap(value.getBytes(StandardCharsets.UTF_8)))));
    }
  }

  /** L2 funds burned for withdrawal {@code nonce}, payable on L1 to {@code l1Recipient}. */
  record Withdraw(long nonce, Address from, Address l1Recipient, BigInteger amount)
      implements L2Tx {
    private static final List<AbiType> TYPES = AbiTypes.parseList("uint64,address,address,uint256");

    @Override
    public Bytes encode() {
      return Bytes.concatenate(
          Bytes.of(3),
          AbiEncoder.encode(TYPES, List.of(Uint.of(nonce), from, l1Recipient, amount)));
    }

    public io.basalt.execution.settlement.Withdrawal toWithdrawal() {
      return new io.basalt.execution.settlement.Withdrawal(nonce, l1Recipient, amount);
    }
  }
}
