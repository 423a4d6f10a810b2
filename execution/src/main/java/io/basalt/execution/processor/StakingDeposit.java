package io.basalt.execution.processor;

import io.basalt.common.types.Address;
import io.basalt.execution.state.Wei;
import java.math.BigInteger;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A validator deposit for the beacon chain: BLS {@code pubkey} (48 bytes), the address withdrawals
 * go to, the stake in Gwei, the proof-of-possession {@code signature} (96 bytes, already checked),
 * the depositing account and the source transaction.
 */
public record StakingDeposit(
    Bytes pubkey,
    Address withdrawalAddress,
    long amountGwei,
    Bytes signature,
    Address from,
    Bytes32 txHash)
    implements OutgoingMessage {

  public static final BigInteger WEI_PER_GWEI = BigInteger.TEN.pow(9);

  public StakingDeposit {
    Objects.requireNonNull(pubkey, "pubkey");
    Objects.requireNonNull(withdrawalAddress, "withdrawalAddress");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(txHash, "txHash");
    if (amountGwei <= 0) {
      throw new IllegalArgumentException("deposit amount must be positive, got " + amountGwei);
    }
  }

  @Override
  public Wei value() {
    return new Wei(BigInteger.valueOf(amountGwei).multiply(WEI_PER_GWEI));
  }
}
