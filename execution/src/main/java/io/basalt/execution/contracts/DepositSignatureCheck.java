package io.basalt.execution.contracts;

import io.basalt.common.types.Address;
import org.apache.tuweni.bytes.Bytes;

/**
 * Checks a deposit's proof-of-possession signature with the beacon chain's DepositMessage signing
 * rules (the shard module implements it), so that a deposit the beacon chain would drop is refused
 * on the shard and its value never leaves.
 */
@FunctionalInterface
public interface DepositSignatureCheck {

  boolean isValid(Bytes pubkey, Address withdrawalAddress, long amountGwei, Bytes signature);
}
