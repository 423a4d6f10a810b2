package io.basalt.execution.contracts;

import io.basalt.common.types.Address;
import org.apache.tuweni.bytes.Bytes;

/** The address reserved for the Layer-2 Settlement contract; every call reverts until it exists. */
final class Settlement implements SystemContract {

  static final String NOT_DEPLOYED = "Settlement is not deployed";

  @Override
  public Address address() {
    return SystemContracts.SETTLEMENT;
  }

  @Override
  public long executionGas(Bytes calldata) {
    return SystemGas.DISPATCH_FAILURE;
  }

  @Override
  public ContractResult execute(CallContext context, Bytes calldata) {
    return ContractResult.reverted(NOT_DEPLOYED);
  }
}
