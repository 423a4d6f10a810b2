package io.basalt.beacon.chain.pool;

import io.basalt.beacon.helpers.InvalidReason;
import io.basalt.beacon.state.BeaconState;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A bounded, deduplicated pool of one kind of block operation (proposer slashings, attester
 * slashings, voluntary exits). Operations are keyed ({@code keyOf}) so that two for the same thing
 * (the same proposer, the same exiting validator) are not both held: the first one wins. When full,
 * the oldest operation is dropped and counted.
 *
 * <p>Operations are checked against the block's state when packed ({@link #getForBlock}); one that
 * is no longer valid there (the validator was slashed or exited meanwhile) is removed from the
 * pool. Signatures are not checked here: callers add only operations whose signatures were
 * verified.
 *
 * <p>Thread-safe: every method synchronizes on the pool.
 *
 * @param <K> the deduplication key
 * @param <T> the operation
 */
public final class OperationPool<K, T> {

  /** Checks an operation against the state of the block that would include it. */
  @FunctionalInterface
  public interface StateValidator<T> {
    Optional<InvalidReason> validate(BeaconState state, T operation);
  }

  private final Function<T, K> keyOf;
  private final StateValidator<T> validator;
  private final int capacity;
  private final LinkedHashMap<K, T> operations = new LinkedHashMap<>();
  private long dropped;

  public OperationPool(Function<T, K> keyOf, StateValidator<T> validator, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.keyOf = keyOf;
    this.validator = validator;
    this.capacity = capacity;
  }

  /** Adds {@code operation}; false when one with the same key is already held. */
  public synchronized boolean add(T operation) {
    K key = keyOf.apply(operation);
    if (operations.containsKey(key)) {
      return false;
    }
    operations.put(key, operation);
    if (operations.size() > capacity) {
      Iterator<Map.Entry<K, T>> oldest = operations.entrySet().iterator();
      oldest.next();
      oldest.remove();
      dropped++;
    }
    return true;
  }

  /**
   * Up to {@code max} operations valid on {@code state}, oldest first; invalid ones are removed.
   */
  public synchronized List<T> getForBlock(BeaconState state, int max) {
    List<T> picked = new ArrayList<>();
    Iterator<T> it = operations.values().iterator();
    while (it.hasNext() && picked.size() < max) {
      T operation = it.next();
      if (validator.validate(state, operation).isPresent()) {
        it.remove();
      } else {
        picked.add(operation);
      }
    }
    return picked;
  }

  /** Removes the operations a block included (by key). */
  public synchronized void removeAll(List<T> included) {
    included.forEach(operation -> operations.remove(keyOf.apply(operation)));
  }

  public synchronized int size() {
    return operations.size();
  }

  /** Operations dropped because the pool was full. */
  public synchronized long droppedCount() {
    return dropped;
  }
}
