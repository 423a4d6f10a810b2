package io.basalt.node.rpc.eth;

import io.basalt.common.types.Address;
import java.math.BigInteger;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/** The call object of {@code eth_call} and {@code eth_estimateGas}. */
public record CallRequest(
    Optional<Address> from,
    Optional<Address> to,
    Optional<Long> gas,
    BigInteger value,
    Bytes data) {}
