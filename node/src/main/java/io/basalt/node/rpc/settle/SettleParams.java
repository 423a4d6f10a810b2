package io.basalt.node.rpc.settle;

import io.basalt.node.rpc.ParamType;
import io.basalt.node.rpc.ParamTypes;
import java.math.BigInteger;

/** Parameter forms of the {@code settle_*} methods. */
final class SettleParams {

  private SettleParams() {}

  /** A QUANTITY that fits the contract's {@code uint64} (rollup ids, batch indices, nonces). */
  static final ParamType<Long> UINT64 =
      node -> {
        BigInteger value = ParamTypes.QUANTITY.parse(node);
        if (value.bitLength() > 64) {
          throw new IllegalArgumentException("hex number > 64 bits");
        }
        return value.longValue();
      };
}
