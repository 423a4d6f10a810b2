package io.basalt.beacon.state;

import static io.basalt.common.ssz.Field.field;

import io.basalt.common.ssz.ContainerSchema;
import io.basalt.common.ssz.SszTypes;
import io.basalt.common.types.Address;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.UInt64;
import io.basalt.consensus.types.ConsensusSsz;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.bytes.Bytes48;

/**
 * A registry entry, as phase0's {@code Validator}. Epochs not yet set are {@link
 * #FAR_FUTURE_EPOCH}. Withdrawal credentials are {@code 0x01 ‖ 11 zero bytes ‖ address}.
 */
public record Validator(
    Bytes48 pubkey,
    Bytes32 withdrawalCredentials,
    Gwei effectiveBalance,
    boolean slashed,
    Epoch activationEligibilityEpoch,
    Epoch activationEpoch,
    Epoch exitEpoch,
    Epoch withdrawableEpoch) {

  /** {@code 2**64 - 1}: an epoch that never comes. */
  public static final Epoch FAR_FUTURE_EPOCH = new Epoch(UInt64.MAX_VALUE);

  public static final ContainerSchema<Validator> SSZ =
      ContainerSchema.ofRecord(
          Validator.class,
          field("pubkey", ConsensusSsz.BLS_PUBKEY, Validator::pubkey),
          field("withdrawalCredentials", SszTypes.BYTES32, Validator::withdrawalCredentials),
          field("effectiveBalance", SszTypes.GWEI, Validator::effectiveBalance),
          field("slashed", SszTypes.BOOLEAN, Validator::slashed),
          field(
              "activationEligibilityEpoch", SszTypes.EPOCH, Validator::activationEligibilityEpoch),
          field("activationEpoch", SszTypes.EPOCH, Validator::activationEpoch),
          field("exitEpoch", SszTypes.EPOCH, Validator::exitEpoch),
          field("withdrawableEpoch", SszTypes.EPOCH, Validator::withdrawableEpoch));

  public Validator {
    Objects.requireNonNull(pubkey, "pubkey");
    Objects.requireNonNull(withdrawalCredentials, "withdrawalCredentials");
    Objects.requireNonNull(effectiveBalance, "effectiveBalance");
    Objects.requireNonNull(activationEligibilityEpoch, "activationEligibilityEpoch");
    Objects.requireNonNull(activationEpoch, "activationEpoch");
    Objects.requireNonNull(exitEpoch, "exitEpoch");
    Objects.requireNonNull(withdrawableEpoch, "withdrawableEpoch");
  }

  /** The address stake is withdrawn to: the last 20 bytes of the credentials. */
  public Address withdrawalAddress() {
    return new Address(withdrawalCredentials.slice(12, Address.SIZE));
  }

  public Validator withEffectiveBalance(Gwei value) {
    return new Validator(
        pubkey,
        withdrawalCredentials,
        value,
        slashed,
        activationEligibilityEpoch,
        activationEpoch,
        exitEpoch,
        withdrawableEpoch);
  }

  public Validator withSlashed(boolean value) {
    return new Validator(
        pubkey,
        withdrawalCredentials,
        effectiveBalance,
        value,
        activationEligibilityEpoch,
        activationEpoch,
        exitEpoch,
        withdrawableEpoch);
  }

  public Validator withActivationEligibilityEpoch(Epoch value) {
    return new Validator(
        pubkey,
        withdrawalCredentials,
        effectiveBalance,
        slashed,
        value,
        activationEpoch,
        exitEpoch,
        withdrawableEpoch);
  }

  public Validator withActivationEpoch(Epoch value) {
    return new Validator(
        pubkey,
        withdrawalCredentials,
        effectiveBalance,
        slashed,
        activationEligibilityEpoch,
        value,
        exitEpoch,
        withdrawableEpoch);
  }

  public Validator withExitEpoch(Epoch value) {
    return new Validator(
        pubkey,
        withdrawalCredentials,
        effectiveBalance,
        slashed,
        activationEligibilityEpoch,
        activationEpoch,
        value,
        withdrawableEpoch);
  }

  public Validator withWithdrawableEpoch(Epoch value) {
    return new Validator(
        pubkey,
        withdrawalCredentials,
        effectiveBalance,
        slashed,
        activationEligibilityEpoch,
        activationEpoch,
        exitEpoch,
        value);
  }

  public Bytes32 hashTreeRoot() {
    return SSZ.hashTreeRoot(this);
  }
}
