package io.basalt.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.common.types.Address;
import io.basalt.node.rpc.ParamType;
import io.basalt.node.rpc.ParamTypes;
import io.basalt.node.rpc.RpcException;
import java.math.BigInteger;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/**
 * Parses the call object of {@code eth_call}/{@code eth_estimateGas}: {@code from}, {@code to},
 * {@code gas}, {@code value}, {@code input} or {@code data} (equal if both). Gas price fields are
 * accepted and ignored: calls are free.
 */
public final class CallParams {

  private CallParams() {}

  public static CallRequest parse(JsonNode object, int index) throws RpcException {
    String name = "transaction";
    Optional<Address> from = field(object, "from", ParamTypes.ADDRESS, index, name);
    Optional<Address> to = field(object, "to", ParamTypes.ADDRESS, index, name);
    Optional<Long> gas = field(object, "gas", ParamTypes.LONG_QUANTITY, index, name);
    BigInteger value =
        field(object, "value", ParamTypes.QUANTITY, index, name).orElse(BigInteger.ZERO);
    field(object, "gasPrice", ParamTypes.QUANTITY, index, name);
    field(object, "maxFeePerGas", ParamTypes.QUANTITY, index, name);
    field(object, "maxPriorityFeePerGas", ParamTypes.QUANTITY, index, name);
    Optional<Bytes> input = field(object, "input", ParamTypes.DATA, index, name);
    Optional<Bytes> data = field(object, "data", ParamTypes.DATA, index, name);
    if (input.isPresent() && data.isPresent() && !input.equals(data)) {
      throw RpcException.invalidParams(
          index, name, "both \"data\" and \"input\" are set and not equal");
    }
    if (to.isEmpty()) {
      throw RpcException.invalidParams(index, name, "to: missing value (no contract creation)");
    }
    return new CallRequest(from, to, gas, value, input.or(() -> data).orElse(Bytes.EMPTY));
  }

  private static <T> Optional<T> field(
      JsonNode object, String field, ParamType<T> type, int index, String name)
      throws RpcException {
    JsonNode node = object.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    try {
      return Optional.of(type.parse(node));
    } catch (IllegalArgumentException e) {
      throw RpcException.invalidParams(index, name, field + ": " + e.getMessage());
    }
  }
}
