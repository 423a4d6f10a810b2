package io.basalt.beacon.transition.epoch;

import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.Gwei;
import java.util.Objects;

/**
 * The result of one epoch transition with its stake accounting: across the transition, {@code
 * sum(balances) + sum(new pending withdrawals)} grows by exactly {@code rewards - penalties}.
 * Rewards are issuance; penalties (flag, inactivity and slashing penalties, as actually taken, i.e.
 * never more than a balance) are burned; {@code withdrawn} moved from balances to the withdrawal
 * queue, to be paid out on a shard.
 */
public record EpochOutcome(BeaconState state, Gwei rewards, Gwei penalties, Gwei withdrawn) {

  public EpochOutcome {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(rewards, "rewards");
    Objects.requireNonNull(penalties, "penalties");
    Objects.requireNonNull(withdrawn, "withdrawn");
  }
}
