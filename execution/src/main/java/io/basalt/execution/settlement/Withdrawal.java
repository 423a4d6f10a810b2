package io.basalt.execution.settlement;

import io.basalt.common.crypto.Hash;
import io.basalt.common.types.Address;
import io.basalt.execution.abi.AbiEncoder;
import io.basalt.execution.abi.AbiType;
import io.basalt.execution.abi.AbiTypes;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A Layer-2 withdrawal to be paid on this shard: the ABI tuple {@code (uint64 nonce, address
 * recipient, uint256 amount)}. The nonce is unique per rollup (the L2 numbers its withdrawals), so
 * a withdrawal is paid at most once even if it appears in two batches' trees.
 */
public record Withdrawal(long nonce, Address recipient, BigInteger amount) {

  public static final AbiType TUPLE = AbiTypes.parse("(uint64,address,uint256)");
  private static final List<AbiType> LEAF_TYPES = AbiTypes.parseList("uint64,address,uint256");

  public Withdrawal {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(amount, "amount");
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("negative amount");
    }
  }

  /**
   * The tree leaf: {@code keccak256(abi.encode(uint64 nonce, address recipient, uint256 amount))}.
   */
  public Bytes32 leaf() {
    return Hash.keccak256(AbiEncoder.encode(LEAF_TYPES, toAbi()));
  }

  public List<Object> toAbi() {
    return List.of(Uint.of(nonce), recipient, amount);
  }

  public static Withdrawal fromAbi(List<?> values) {
    return new Withdrawal(
        Uint.toLong((BigInteger) values.get(0)),
        (Address) values.get(1),
        (BigInteger) values.get(2));
  }
}
