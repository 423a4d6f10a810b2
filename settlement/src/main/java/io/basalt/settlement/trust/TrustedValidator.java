package io.basalt.settlement.trust;

import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes48;

/** What a verifier needs of one registry entry: key, stake and when it is active. */
public record TrustedValidator(
    Bytes48 pubkey, Gwei effectiveBalance, Epoch activationEpoch, Epoch exitEpoch) {

  public TrustedValidator {
    Objects.requireNonNull(pubkey, "pubkey");
    Objects.requireNonNull(effectiveBalance, "effectiveBalance");
    Objects.requireNonNull(activationEpoch, "activationEpoch");
    Objects.requireNonNull(exitEpoch, "exitEpoch");
  }

  // spec: is_active_validator
  public boolean isActiveAt(Epoch epoch) {
    return !epoch.isBefore(activationEpoch) && epoch.isBefore(exitEpoch);
  }
}
