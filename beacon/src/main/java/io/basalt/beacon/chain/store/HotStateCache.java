package io.basalt.beacon.chain.store;

import io.basalt.beacon.state.BeaconState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Recent post-states by block root, least recently used first out. States share most of their
 * trees, so a few dozen cost little more than one. Thread-safe.
 */
public final class HotStateCache {

  private final int capacity;
  private final LinkedHashMap<Bytes32, BeaconState> states;

  public HotStateCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
    this.states =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Bytes32, BeaconState> eldest) {
            return size() > HotStateCache.this.capacity;
          }
        };
  }

  public synchronized Optional<BeaconState> get(Bytes32 blockRoot) {
    return Optional.ofNullable(states.get(blockRoot));
  }

  public synchronized void put(Bytes32 blockRoot, BeaconState state) {
    states.put(blockRoot, state);
  }

  public synchronized void remove(Bytes32 blockRoot) {
    states.remove(blockRoot);
  }

  public synchronized int size() {
    return states.size();
  }

  public int capacity() {
    return capacity;
  }
}
