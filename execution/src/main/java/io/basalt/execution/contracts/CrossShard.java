package io.basalt.execution.contracts;

import io.basalt.common.types.Address;
import io.basalt.execution.abi.AbiEvent;
import io.basalt.execution.abi.AbiFunction;
import io.basalt.execution.processor.CrossShardTransfer;
import io.basalt.execution.state.Wei;
import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/**
 * The CrossShard system contract at {@link SystemContracts#CROSS_SHARD}.
 *
 * <pre>
 * function transfer(uint32 toShard, address to) payable;
 * function outgoingCount(uint32 toShard) view returns (uint64);
 * function incomingCount(uint32 fromShard) view returns (uint64);
 * event CrossShardTransferInitiated(uint32 indexed toShard, address indexed from,
 *                                   address indexed to, uint256 value);
 * </pre>
 *
 * A transfer's value is debited from the caller and credited nowhere on this shard: it leaves the
 * shard's supply as a {@link CrossShardTransfer} and is credited on {@code toShard} when the
 * receipt arrives there.
 */
public final class CrossShard implements SystemContract {

  public static final AbiFunction TRANSFER = AbiFunction.parse("transfer(uint32,address)");
  public static final AbiFunction OUTGOING_COUNT =
      AbiFunction.parse("outgoingCount(uint32)", "uint64");
  public static final AbiFunction INCOMING_COUNT =
      AbiFunction.parse("incomingCount(uint32)", "uint64");
  public static final AbiEvent TRANSFER_INITIATED =
      AbiEvent.parse(
          "CrossShardTransferInitiated(uint32 indexed,address indexed,address indexed,uint256)");

  private final Dispatcher dispatcher =
      new Dispatcher()
          .add(TRANSFER, true, SystemGas.CROSS_SHARD_TRANSFER, this::transfer)
          .add(
              OUTGOING_COUNT,
              false,
              SystemGas.VIEW,
              (c, a) -> count(OUTGOING_COUNT, c.messaging().outgoingCount(shard(a))))
          .add(
              INCOMING_COUNT,
              false,
              SystemGas.VIEW,
              (c, a) -> count(INCOMING_COUNT, c.messaging().incomingCount(shard(a))));

  @Override
  public Address address() {
    return SystemContracts.CROSS_SHARD;
  }

  @Override
  public long executionGas(Bytes calldata) {
    return dispatcher.gas(calldata);
  }

  @Override
  public ContractResult execute(CallContext context, Bytes calldata) {
    return dispatcher.dispatch(context, calldata);
  }

  private ContractResult transfer(CallContext context, List<Object> arguments)
      throws RevertException {
    BigInteger requested = (BigInteger) arguments.get(0);
    Address to = (Address) arguments.get(1);
    if (requested.compareTo(BigInteger.valueOf(context.shardCount())) >= 0) {
      throw new RevertException(
          "toShard " + requested + " does not exist (shard count " + context.shardCount() + ")");
    }
    int toShard = requested.intValueExact();
    if (toShard == context.shard()) {
      throw new RevertException("toShard is this shard; send a plain transfer instead");
    }
    if (context.value().signum() == 0) {
      throw new RevertException("cross-shard transfer of zero value");
    }
    return ContractResult.emitted(
        TRANSFER_INITIATED.toLog(
            address(), List.of(BigInteger.valueOf(toShard), context.from(), to, context.value())),
        new CrossShardTransfer(
            toShard, context.from(), to, new Wei(context.value()), context.txHash()));
  }

  /**
   * A decoded uint32 as a shard number; values past {@code Integer.MAX_VALUE} name no shard, and
   * are clamped to it (a shard that never exists, so its counts are 0).
   */
  private static int shard(List<Object> arguments) {
    BigInteger value = (BigInteger) arguments.get(0);
    return value.bitLength() > 31 ? Integer.MAX_VALUE : value.intValueExact();
  }

  static ContractResult count(AbiFunction function, long count) {
    return ContractResult.returned(function.encodeReturn(List.of(BigInteger.valueOf(count))));
  }
}
