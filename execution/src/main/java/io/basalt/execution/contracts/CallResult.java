package io.basalt.execution.contracts;

import io.basalt.execution.abi.AbiEncoder;
import io.basalt.execution.abi.AbiFunction;
import io.basalt.execution.abi.AbiTypes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/**
 * The answer to a read-only call ({@code eth_call}): the return data, or a revert with its reason
 * and the Solidity {@code Error(string)} revert data that ethers.js and web3j decode.
 */
public record CallResult(boolean success, Bytes data, Optional<String> revertReason) {

  /** The selector of {@code Error(string)}, {@code 0x08c379a0}. */
  public static final Bytes ERROR_SELECTOR = AbiFunction.selectorOf("Error(string)");

  public CallResult {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(revertReason, "revertReason");
  }

  public static CallResult returned(Bytes data) {
    return new CallResult(true, data, Optional.empty());
  }

  public static CallResult reverted(String reason) {
    return new CallResult(false, errorData(reason), Optional.of(reason));
  }

  /** Solidity's revert data for {@code reason}: {@code Error(string)} selector and argument. */
  public static Bytes errorData(String reason) {
    return Bytes.concatenate(
        ERROR_SELECTOR, AbiEncoder.encode(List.of(AbiTypes.STRING), List.of(reason)));
  }
}
