package io.basalt.node.rpc.beacon;

import io.basalt.beacon.state.RegistryColumns;
import io.basalt.beacon.state.Validator;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import java.util.Locale;
import java.util.Optional;

/**
 * A validator's status at an epoch, with the beacon API's names and its four general groups ({@code
 * pending}, {@code active}, {@code exited}, {@code withdrawal}).
 */
public enum ValidatorStatus {
  PENDING_INITIALIZED("pending"),
  PENDING_QUEUED("pending"),
  ACTIVE_ONGOING("active"),
  ACTIVE_EXITING("active"),
  ACTIVE_SLASHED("active"),
  EXITED_UNSLASHED("exited"),
  EXITED_SLASHED("exited"),
  WITHDRAWAL_POSSIBLE("withdrawal"),
  WITHDRAWAL_DONE("withdrawal");

  private final String group;

  ValidatorStatus(String group) {
    this.group = group;
  }

  /** The beacon API name, e.g. {@code active_ongoing}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The general group, e.g. {@code active}. */
  public String group() {
    return group;
  }

  /** Whether {@code filter} (a status name or a group name) selects this status. */
  public boolean matches(String filter) {
    return apiName().equals(filter) || group.equals(filter);
  }

  /** Whether {@code filter} names a status or a group at all. */
  public static boolean isKnownFilter(String filter) {
    for (ValidatorStatus status : values()) {
      if (status.matches(filter)) {
        return true;
      }
    }
    return false;
  }

  /** The status of {@code validator} with {@code balance} at {@code epoch}, as the beacon API. */
  public static ValidatorStatus of(Validator validator, Gwei balance, Epoch epoch) {
    if (validator.activationEpoch().isAfter(epoch)) {
      return validator.activationEligibilityEpoch().equals(Validator.FAR_FUTURE_EPOCH)
          ? PENDING_INITIALIZED
          : PENDING_QUEUED;
    }
    if (validator.exitEpoch().isAfter(epoch)) {
      if (validator.exitEpoch().equals(Validator.FAR_FUTURE_EPOCH)) {
        return ACTIVE_ONGOING;
      }
      return validator.slashed() ? ACTIVE_SLASHED : ACTIVE_EXITING;
    }
    if (validator.withdrawableEpoch().isAfter(epoch)) {
      return validator.slashed() ? EXITED_SLASHED : EXITED_UNSLASHED;
    }
    return balance.value().equals(io.basalt.common.types.UInt64.ZERO)
        ? WITHDRAWAL_DONE
        : WITHDRAWAL_POSSIBLE;
  }

  /**
   * {@link #of(Validator, Gwei, Epoch)} read from registry columns (uint64 bit patterns, compared
   * unsigned): the fast path for whole-registry filters.
   */
  public static ValidatorStatus of(RegistryColumns columns, int index, long epoch) {
    long farFuture = Validator.FAR_FUTURE_EPOCH.value().bits();
    if (Long.compareUnsigned(columns.activationEpoch(index), epoch) > 0) {
      return columns.activationEligibilityEpoch(index) == farFuture
          ? PENDING_INITIALIZED
          : PENDING_QUEUED;
    }
    if (Long.compareUnsigned(columns.exitEpoch(index), epoch) > 0) {
      if (columns.exitEpoch(index) == farFuture) {
        return ACTIVE_ONGOING;
      }
      return columns.slashed(index) ? ACTIVE_SLASHED : ACTIVE_EXITING;
    }
    if (Long.compareUnsigned(columns.withdrawableEpoch(index), epoch) > 0) {
      return columns.slashed(index) ? EXITED_SLASHED : EXITED_UNSLASHED;
    }
    return columns.balance(index) == 0 ? WITHDRAWAL_DONE : WITHDRAWAL_POSSIBLE;
  }

  /** The status named {@code apiName}, if any. */
  public static Optional<ValidatorStatus> byName(String apiName) {
    for (ValidatorStatus status : values()) {
      if (status.apiName().equals(apiName)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
