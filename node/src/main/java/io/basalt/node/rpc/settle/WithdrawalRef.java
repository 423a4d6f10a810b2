package io.basalt.node.rpc.settle;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.common.types.Address;
import io.basalt.execution.settlement.Withdrawal;
import io.basalt.node.rpc.ParamType;
import io.basalt.node.rpc.ParamTypes;
import java.math.BigInteger;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The withdrawal {@code settle_getWithdrawalStatus} asks about: the withdrawal itself ({@code
 * {nonce, recipient, amount}}), or only its leaf hash (then the nonce, and so whether it was paid,
 * must be found in the logs).
 */
record WithdrawalRef(Bytes32 leaf, Optional<Withdrawal> withdrawal) {

  /** A 32-byte leaf hash, or an object {@code {nonce, recipient, amount}} of QUANTITY/DATA. */
  static final ParamType<WithdrawalRef> TYPE =
      node -> {
        if (node.isTextual()) {
          return new WithdrawalRef(ParamTypes.HASH.parse(node), Optional.empty());
        }
        if (!node.isObject()) {
          throw new IllegalArgumentException(
              "want a 32-byte leaf hash or an object {nonce, recipient, amount}");
        }
        long nonce = parse(node, "nonce", SettleParams.UINT64);
        Address recipient = parse(node, "recipient", ParamTypes.ADDRESS);
        BigInteger amount = parse(node, "amount", ParamTypes.QUANTITY);
        Withdrawal w = new Withdrawal(nonce, recipient, amount);
        return new WithdrawalRef(w.leaf(), Optional.of(w));
      };

  private static <T> T parse(JsonNode object, String name, ParamType<T> type) {
    try {
      return type.parse(field(object, name));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
    }
  }

  private static JsonNode field(JsonNode object, String name) {
    JsonNode value = object.get(name);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("missing value");
    }
    return value;
  }
}
