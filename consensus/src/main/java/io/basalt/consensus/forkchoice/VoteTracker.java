package io.basalt.consensus.forkchoice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Every validator's latest message (spec {@code store.latest_messages}), laid out as parallel
 * primitive arrays by validator index so that {@link VoteDeltas} walks a million validators without
 * touching an object per validator.
 *
 * <p>Per validator: the <em>current</em> root (the vote whose weight the proto-array holds now),
 * the <em>next</em> root (the latest message, applied at the next head computation) and the next
 * target epoch. Roots are interned as small integer ids; {@link #retainRoots} drops ids of pruned
 * blocks so the table does not grow for ever.
 *
 * <p>Epochs are raw {@code long}s here, the one place in fork choice that trades the typed values
 * for memory and speed; they are below 2^63 by construction.
 *
 * <p>Not thread-safe: owned by {@link ForkChoice}.
 */
public final class VoteTracker {

  /** Root id of "no vote". */
  public static final int NO_ROOT = -1;

  /** Largest validator count tracked in memory (16.7 million). */
  public static final int MAX_VALIDATORS = 1 << 24;

  private static final long NO_EPOCH = -1;

  private int[] currentRoot;
  private int[] nextRoot;
  private long[] nextEpoch;
  private int validatorCount;
  private final List<Bytes32> rootsById = new ArrayList<>();
  private final Map<Bytes32, Integer> idsByRoot = new HashMap<>();

  public VoteTracker() {
    this(0);
  }

  /** Preallocates room for {@code expectedValidators}; the tracker grows beyond it as needed. */
  public VoteTracker(int expectedValidators) {
    int capacity = Math.max(16, Math.min(expectedValidators, MAX_VALIDATORS));
    currentRoot = filled(new int[capacity]);
    nextRoot = filled(new int[capacity]);
    nextEpoch = new long[capacity];
    Arrays.fill(nextEpoch, NO_EPOCH);
  }

  /** One past the highest validator index that has voted. */
  public int validatorCount() {
    return validatorCount;
  }

  /**
   * Records a vote as the validator's latest message when it has none yet or {@code targetEpoch} is
   * after its latest one (spec {@code update_latest_messages}).
   *
   * @return whether the latest message changed
   * @throws IllegalArgumentException if the index is negative or at least {@link #MAX_VALIDATORS}
   */
  public boolean processAttestation(int validatorIndex, Bytes32 blockRoot, long targetEpoch) {
    if (validatorIndex < 0 || validatorIndex >= MAX_VALIDATORS) {
      throw new IllegalArgumentException("validator index out of range: " + validatorIndex);
    }
    ensureCapacity(validatorIndex + 1);
    long latest = nextEpoch[validatorIndex];
    if (latest != NO_EPOCH && targetEpoch <= latest) {
      return false;
    }
    nextRoot[validatorIndex] = intern(blockRoot);
    nextEpoch[validatorIndex] = targetEpoch;
    validatorCount = Math.max(validatorCount, validatorIndex + 1);
    return true;
  }

  /** The root whose weight the proto-array currently holds for the validator. */
  public Optional<Bytes32> currentRoot(int validatorIndex) {
    return validatorIndex < validatorCount ? root(currentRoot[validatorIndex]) : Optional.empty();
  }

  /** The validator's latest message root. */
  public Optional<Bytes32> nextRoot(int validatorIndex) {
    return validatorIndex < validatorCount ? root(nextRoot[validatorIndex]) : Optional.empty();
  }

  /** Number of interned root ids. */
  public int rootCount() {
    return rootsById.size();
  }

  /**
   * Maps every root id to a node index through {@code indexOf} ({@code -1} for roots the
   * proto-array no longer holds): {@link VoteDeltas} then needs no hashing per validator.
   */
  public int[] nodeIndicesByRootId(ToIntFunction<Bytes32> indexOf) {
    int[] result = new int[rootsById.size()];
    for (int id = 0; id < result.length; id++) {
      result[id] = indexOf.applyAsInt(rootsById.get(id));
    }
    return result;
  }

  /**
   * Forgets roots that {@code keep} rejects (pruned blocks): votes for them become "no vote", which
   * is what they weigh once their block is gone. Latest target epochs are kept, so an older
   * attestation still cannot replace them. O(validators); call after pruning.
   */
  public void retainRoots(Predicate<Bytes32> keep) {
    int[] remap = new int[rootsById.size()];
    List<Bytes32> kept = new ArrayList<>();
    idsByRoot.clear();
    for (int id = 0; id < remap.length; id++) {
      Bytes32 root = rootsById.get(id);
      if (keep.test(root)) {
        remap[id] = kept.size();
        idsByRoot.put(root, kept.size());
        kept.add(root);
      } else {
        remap[id] = NO_ROOT;
      }
    }
    rootsById.clear();
    rootsById.addAll(kept);
    for (int v = 0; v < validatorCount; v++) {
      currentRoot[v] = currentRoot[v] == NO_ROOT ? NO_ROOT : remap[currentRoot[v]];
      nextRoot[v] = nextRoot[v] == NO_ROOT ? NO_ROOT : remap[nextRoot[v]];
    }
  }

  int[] currentRootIds() {
    return currentRoot;
  }

  int[] nextRootIds() {
    return nextRoot;
  }

  private Optional<Bytes32> root(int id) {
    return id == NO_ROOT ? Optional.empty() : Optional.of(rootsById.get(id));
  }

  private int intern(Bytes32 root) {
    Integer id = idsByRoot.get(root);
    if (id != null) {
      return id;
    }
    int newId = rootsById.size();
    rootsById.add(root);
    idsByRoot.put(root, newId);
    return newId;
  }

  private void ensureCapacity(int needed) {
    if (needed <= currentRoot.length) {
      return;
    }
    int capacity = (int) Math.min(MAX_VALIDATORS, Math.max(needed, currentRoot.length * 2L));
    int oldLength = currentRoot.length;
    currentRoot = Arrays.copyOf(currentRoot, capacity);
    nextRoot = Arrays.copyOf(nextRoot, capacity);
    nextEpoch = Arrays.copyOf(nextEpoch, capacity);
    Arrays.fill(currentRoot, oldLength, capacity, NO_ROOT);
    Arrays.fill(nextRoot, oldLength, capacity, NO_ROOT);
    Arrays.fill(nextEpoch, oldLength, capacity, NO_EPOCH);
  }

  private static int[] filled(int[] array) {
    Arrays.fill(array, NO_ROOT);
    return array;
  }
}
