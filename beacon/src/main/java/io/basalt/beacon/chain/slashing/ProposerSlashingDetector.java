package io.basalt.beacon.chain.slashing;

import io.basalt.beacon.datastructures.blocks.BeaconBlockHeader;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlockHeader;
import io.basalt.beacon.datastructures.operations.ProposerSlashing;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Remembers the first signed header of each {@code (slot, proposer)} seen in the last {@code
 * slotWindow} slots and reports a {@link ProposerSlashing} when a different header for the same
 * pair arrives. Each proposer is reported once. Signatures are not checked here: callers pass
 * headers of blocks whose proposer signature verified.
 *
 * <p>Memory: one header per slot and proposer inside the window; {@link #prune} drops older ones.
 * Not thread-safe (the owning {@link SlashingDetector} synchronizes).
 */
final class ProposerSlashingDetector {

  private final long slotWindow;
  private final TreeMap<Slot, Map<ValidatorIndex, SignedBeaconBlockHeader>> bySlot =
      new TreeMap<>();
  private final Set<ValidatorIndex> reported = new HashSet<>();

  ProposerSlashingDetector(long slotWindow) {
    this.slotWindow = slotWindow;
  }

  Optional<ProposerSlashing> onHeader(SignedBeaconBlockHeader signed) {
    BeaconBlockHeader header = signed.message();
    if (!bySlot.isEmpty() && header.slot().plus(slotWindow).isBefore(bySlot.lastKey())) {
      return Optional.empty(); // older than the window: the slot's other headers may be gone
    }
    Map<ValidatorIndex, SignedBeaconBlockHeader> atSlot =
        bySlot.computeIfAbsent(header.slot(), s -> new HashMap<>());
    SignedBeaconBlockHeader first = atSlot.putIfAbsent(header.proposerIndex(), signed);
    if (first == null || first.message().equals(header) || !reported.add(header.proposerIndex())) {
      return Optional.empty();
    }
    return Optional.of(new ProposerSlashing(first, signed));
  }

  void prune(Slot current) {
    while (!bySlot.isEmpty() && bySlot.firstKey().plus(slotWindow).isBefore(current)) {
      bySlot.pollFirstEntry();
    }
  }

  int size() {
    return bySlot.values().stream().mapToInt(Map::size).sum();
  }
}
