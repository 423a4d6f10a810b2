package io.basalt.node.beacon;

import io.basalt.common.types.Epoch;
import io.basalt.common.types.ValidatorIndex;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which validators were seen attesting, by target epoch: what a doppelganger check asks before its
 * keys sign. Kept for a few epochs. Thread-safe (one lock).
 */
final class LivenessTracker {

  private static final int EPOCHS_KEPT = 4;

  private final Map<Epoch, Set<ValidatorIndex>> live = new HashMap<>();

  LivenessTracker() {}

  synchronized void observe(List<ValidatorIndex> attesters, Epoch target) {
    live.computeIfAbsent(target, e -> new HashSet<>()).addAll(attesters);
  }

  synchronized boolean isLive(ValidatorIndex validator, Epoch epoch) {
    return live.getOrDefault(epoch, Set.of()).contains(validator);
  }

  synchronized void prune(Epoch current) {
    live.keySet().removeIf(e -> e.value().longValue() + EPOCHS_KEPT < current.value().longValue());
  }
}
