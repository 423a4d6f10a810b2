package io.basalt.beacon.chain.gossip;

import io.basalt.beacon.chain.BlockTransitionException;
import io.basalt.beacon.chain.ChainStateTransition;
import io.basalt.beacon.chain.store.StateRegenerator;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.Slot;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Post-states of blocks advanced through empty slots, by {@code (block root, slot)}: the state a
 * node proposes and attests on, and the checkpoint states gossip validation resolves committees
 * with. Without it every duty and every gossip attestation would run the slots (and at epoch
 * boundaries the epoch processing) again. Small LRU; thread-safe (one lock).
 */
public final class AdvancedStates {

  private record Key(Bytes32 root, Slot slot) {}

  private final StateRegenerator states;
  private final ChainStateTransition transition;
  private final Map<Key, BeaconState> cache =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, BeaconState> eldest) {
          return size() > 16;
        }
      };

  public AdvancedStates(StateRegenerator states, ChainStateTransition transition) {
    this.states = states;
    this.transition = transition;
  }

  /** The post-state of {@code root} advanced to {@code slot} (unchanged if already there). */
  public synchronized Optional<BeaconState> stateAt(Bytes32 root, Slot slot) {
    Key key = new Key(root, slot);
    BeaconState cached = cache.get(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    try {
      Optional<BeaconState> post = states.stateOf(root);
      if (post.isEmpty()) {
        return Optional.empty();
      }
      BeaconState advanced = transition.advanceTo(post.get(), slot);
      cache.put(key, advanced);
      return Optional.of(advanced);
    } catch (BlockTransitionException e) {
      throw new IllegalStateException("Cannot advance the state of " + root + " to " + slot, e);
    }
  }
}
