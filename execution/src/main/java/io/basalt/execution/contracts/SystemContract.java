package io.basalt.execution.contracts;

import io.basalt.common.types.Address;
import org.apache.tuweni.bytes.Bytes;

/**
 * A contract implemented in Java at a fixed address, speaking the Solidity ABI. Implementations are
 * stateless and thread-safe; they read only the {@link CallContext}, and keep records only in their
 * account storage through {@link CallContext#storage()}.
 */
public interface SystemContract {

  Address address();

  /**
   * The fixed execution gas of the function {@code calldata} selects (on top of the transaction's
   * intrinsic gas), or {@link SystemGas#DISPATCH_FAILURE} when it selects none.
   */
  long executionGas(Bytes calldata);

  /** Runs the call; never throws for bad input, which becomes a revert. */
  ContractResult execute(CallContext context, Bytes calldata);
}
