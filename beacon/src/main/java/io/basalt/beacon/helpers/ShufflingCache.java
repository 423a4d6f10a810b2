package io.basalt.beacon.helpers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A bounded least-recently-used cache of {@link EpochShuffling}s, owned by whoever builds the
 * accessors (one per chain), never static. Thread-safe.
 *
 * <p>The key makes a hit correct on any fork: the shuffling of epoch {@code E} is fixed by the
 * chain up to the last block before slot {@code start(E - MIN_SEED_LOOKAHEAD)} (its "decision
 * block"). The seed is the RANDAO mix of epoch {@code E - MIN_SEED_LOOKAHEAD - 1}, final then; the
 * active set of {@code E} is fixed too, since activations and exits decided at epoch {@code c} take
 * effect at {@code c + 1 + MAX_SEED_LOOKAHEAD > E}. The key is {@code (E, seed, decision block
 * root)}.
 */
public final class ShufflingCache {

  /** What fixes a shuffling; see the class comment. */
  public record Key(long epoch, Bytes32 seed, Bytes32 decisionRoot) {
    public Key {
      Objects.requireNonNull(seed, "seed");
      Objects.requireNonNull(decisionRoot, "decisionRoot");
    }
  }

  private final Map<Key, EpochShuffling> entries;

  /** A cache of at most {@code capacity} shufflings (a few epochs of a few forks: 8 to 32). */
  public ShufflingCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("Cache capacity must be positive: " + capacity);
    }
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, EpochShuffling> eldest) {
            return size() > capacity;
          }
        };
  }

  /** The cached shuffling of {@code key}, computed by {@code compute} on a miss. */
  public EpochShuffling get(Key key, Supplier<EpochShuffling> compute) {
    synchronized (entries) {
      EpochShuffling cached = entries.get(key);
      if (cached != null) {
        return cached;
      }
    }
    // Computed outside the lock: a shuffle of a million validators takes a while, and computing
    // the same one twice on a race is harmless.
    EpochShuffling computed = compute.get();
    synchronized (entries) {
      entries.put(key, computed);
    }
    return computed;
  }

  public int size() {
    synchronized (entries) {
      return entries.size();
    }
  }
}
