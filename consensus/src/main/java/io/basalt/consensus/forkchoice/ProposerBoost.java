package io.basalt.consensus.forkchoice;

import io.basalt.common.types.Gwei;
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

  boolean boosts(Bytes32 nodeRoot) {
    return root.isPresent() && root.get().equals(nodeRoot);
  }
}
