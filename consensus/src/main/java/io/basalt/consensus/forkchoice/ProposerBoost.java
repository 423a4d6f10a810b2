package io.basalt.consensus.forkchoice;

import io.basalt.common.types.Gwei;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.consensus.config.SpecConfig;
import java.util.Objects;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Extra weight given to a timely block of the current slot: {@code score} counts on {@code root}
 * and its ancestors as if that much stake voted for it, for one slot only.
 */
public record ProposerBoost(Optional<Bytes32> root, Gwei score) {

  public static final ProposerBoost NONE = new ProposerBoost(Optional.empty(), Gwei.ZERO);

  public ProposerBoost {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(score, "score");
  }

  public static ProposerBoost of(Bytes32 root, Gwei score) {
    return new ProposerBoost(Optional.of(root), score);
  }

  /**
   * Spec {@code get_proposer_score}: {@code PROPOSER_SCORE_BOOST} percent of one slot's committee
   * weight, the total active balance divided by {@code SLOTS_PER_EPOCH}.
   */
  public static Gwei score(SpecConfig config, EffectiveBalances justifiedBalances) {
    return justifiedBalances
        .total()
        .dividedBy(config.slotsPerEpoch())
        .times(config.proposerScoreBoost().longValue())
        .dividedBy(100);
  }

  /**
   * Whether a block that arrived at {@code arrivalTimeMillis} (Unix milliseconds) is timely: it
   * arrived during its own slot, before {@code SECONDS_PER_SLOT / INTERVALS_PER_SLOT} had passed
   * (spec {@code is_before_attesting_interval}). Milliseconds rather than the spec's whole seconds
   * because the local preset's 2-second slots would otherwise round the interval down to zero.
   */
  public static boolean isTimely(
      SpecConfig config, UInt64 genesisTime, Slot blockSlot, long arrivalTimeMillis) {
    long genesisMillis = genesisTime.longValue() * 1000;
    long slotMillis = config.secondsPerSlot().longValue() * 1000;
    if (arrivalTimeMillis < genesisMillis) {
      return false;
    }
    long sinceGenesis = arrivalTimeMillis - genesisMillis;
    if (sinceGenesis / slotMillis != blockSlot.value().bits()) {
      return false;
    }
    return (sinceGenesis % slotMillis) * config.intervalsPerSlot() < slotMillis;
  }

  boolean boosts(Bytes32 nodeRoot) {
    return root.isPresent() && root.get().equals(nodeRoot);
  }
}
