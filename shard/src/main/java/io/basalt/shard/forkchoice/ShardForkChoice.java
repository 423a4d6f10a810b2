package io.basalt.shard.forkchoice;

import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Fork choice of one shard: start from the block the beacon head state crosslinks, then follow the
 * shard committee's latest {@code shard_head_root} votes (LMD-GHOST weighted by effective balance),
 * considering only blocks whose beacon block is on the canonical beacon chain. Ties go to the later
 * slot, then the greater root. The shard's genesis is the block {@link Bytes32#ZERO}, as in the
 * beacon chain's genesis crosslink.
 *
 * <p>The tree is rooted at an <em>anchor</em>: the genesis at first, later the latest finalized
 * shard block ({@link #pruneTo}). The anchor is never dropped.
 *
 * <p>Pure and single-threaded: the caller serialises access.
 */
public final class ShardForkChoice {

  private record Node(Bytes32 root, Bytes32 parent, Slot slot, Bytes32 beaconBlockRoot) {}

  private record Vote(Bytes32 root, Slot slot) {}

  private final Map<Bytes32, Node> nodes = new HashMap<>();
  private final Map<Bytes32, List<Bytes32>> children = new HashMap<>();
  private final Map<ValidatorIndex, Vote> votes = new HashMap<>();
  private Node anchor;
  private long version;

  /**
   * @param beaconGenesisRoot the anchor of the shard's genesis
   */
  public ShardForkChoice(Bytes32 beaconGenesisRoot) {
    this(Bytes32.ZERO, Slot.ZERO, beaconGenesisRoot);
  }

  /** A fork choice rooted at an already finalized block (e.g. when a node restarts). */
  public ShardForkChoice(Bytes32 anchorRoot, Slot anchorSlot, Bytes32 anchorBeaconRoot) {
    anchor = new Node(anchorRoot, Bytes32.ZERO, anchorSlot, anchorBeaconRoot);
    nodes.put(anchorRoot, anchor);
  }

  /**
   * A number that changes whenever a block, a vote or the anchor does: what {@link #head} reads.
   */
  public long version() {
    return version;
  }

  public boolean contains(Bytes32 root) {
    return nodes.containsKey(root);
  }

  /** The root every block here descends from: the genesis or the latest finalized block. */
  public Bytes32 anchor() {
    return anchor.root();
  }

  /** The parent of a known block other than the anchor. */
  public Optional<Bytes32> parent(Bytes32 root) {
    Node node = nodes.get(root);
    return node == null || node == anchor ? Optional.empty() : Optional.of(node.parent());
  }

  public Optional<Slot> slot(Bytes32 root) {
    return Optional.ofNullable(nodes.get(root)).map(Node::slot);
  }

  /** The highest slot of any known block (the anchor's when there is none after it). */
  public Slot highestSlot() {
    return nodes.values().stream().map(Node::slot).max(Slot::compareTo).orElseThrow();
  }

  /**
   * Known blocks that are neither {@code root} nor its descendants, i.e. what {@link #pruneTo}
   * would remove. Empty when {@code root} is unknown.
   */
  public List<Bytes32> nonDescendants(Bytes32 root) {
    if (!nodes.containsKey(root)) {
      return List.of();
    }
    Set<Bytes32> keep = new HashSet<>();
    ArrayDeque<Bytes32> pending = new ArrayDeque<>(List.of(root));
    while (!pending.isEmpty()) {
      Bytes32 next = pending.pop();
      keep.add(next);
      pending.addAll(children.getOrDefault(next, List.of()));
    }
    return nodes.keySet().stream().filter(r -> !keep.contains(r)).toList();
  }

  /**
   * Makes the known block {@code root} the new anchor and forgets every block that does not descend
   * from it (its ancestors and the forks); returns the forgotten roots.
   */
  public List<Bytes32> pruneTo(Bytes32 root) {
    if (!nodes.containsKey(root)) {
      throw new IllegalArgumentException("Unknown shard block " + root);
    }
    List<Bytes32> removed = nonDescendants(root);
    removed.forEach(
        r -> {
          nodes.remove(r);
          children.remove(r);
        });
    anchor = nodes.get(root);
    version++;
    return removed;
  }

  /** Adds an imported block; its parent must be known. */
  public void onBlock(Bytes32 root, Bytes32 parent, Slot slot, Bytes32 beaconBlockRoot) {
    if (!nodes.containsKey(parent)) {
      throw new IllegalArgumentException("Unknown parent " + parent + " of shard block " + root);
    }
    if (nodes.putIfAbsent(root, new Node(root, parent, slot, beaconBlockRoot)) == null) {
      children.computeIfAbsent(parent, p -> new ArrayList<>()).add(root);
      version++;
    }
  }

  /** Records a committee member's vote; only its latest (by attestation slot) counts. */
  public void onVote(ValidatorIndex validator, Bytes32 shardHeadRoot, Slot slot) {
    Vote previous = votes.get(validator);
    if (previous == null || slot.isAfter(previous.slot())) {
      votes.put(validator, new Vote(shardHeadRoot, slot));
      version++;
    }
  }

  /**
   * The head: from {@code crosslinked} (the shard block the beacon head state crosslinks), the
   * heaviest chain of blocks whose beacon block satisfies {@code canonicalBeacon}.
   */
  public Bytes32 head(
      Bytes32 crosslinked,
      Predicate<Bytes32> canonicalBeacon,
      ToLongFunction<ValidatorIndex> weight) {
    if (!nodes.containsKey(crosslinked)) {
      return crosslinked; // not imported yet: nothing better is known
    }
    Map<Bytes32, Long> subtreeWeight = new HashMap<>();
    Node start = nodes.get(crosslinked);
    votes.forEach(
        (validator, vote) -> {
          long w = weight.applyAsLong(validator);
          Node node = nodes.get(vote.root());
          while (w > 0 && node != null && node.slot().isAfter(start.slot())) {
            subtreeWeight.merge(node.root(), w, Long::sum);
            node = nodes.get(node.parent());
          }
        });
    Comparator<Bytes32> order =
        Comparator.<Bytes32>comparingLong(r -> subtreeWeight.getOrDefault(r, 0L))
            .thenComparing(r -> nodes.get(r).slot())
            .thenComparing(Bytes32::compareTo);
    Bytes32 head = crosslinked;
    while (true) {
      Bytes32 best = null;
      for (Bytes32 child : children.getOrDefault(head, List.of())) {
        if (canonicalBeacon.test(nodes.get(child).beaconBlockRoot())
            && (best == null || order.compare(child, best) > 0)) {
          best = child;
        }
      }
      if (best == null) {
        return head;
      }
      head = best;
    }
  }

  /**
   * Drops every block whose beacon block fails {@code canonicalBeacon}, with its descendants; the
   * anchor (genesis or latest finalized block) stays. Returns the dropped roots (their transactions
   * may go back to the mempool).
   */
  public List<Bytes32> dropOffCanonical(Predicate<Bytes32> canonicalBeacon) {
    List<Bytes32> dropped = new ArrayList<>();
    for (Node node : List.copyOf(nodes.values())) {
      if (node != anchor
          && nodes.containsKey(node.root())
          && !canonicalBeacon.test(node.beaconBlockRoot())) {
        remove(node.root(), dropped);
      }
    }
    return dropped;
  }

  public int size() {
    return nodes.size();
  }

  private void remove(Bytes32 root, List<Bytes32> dropped) {
    Node node = nodes.remove(root);
    if (node == null) {
      return;
    }
    version++;
    dropped.add(root);
    List<Bytes32> list = children.get(node.parent());
    if (list != null) {
      list.remove(root);
    }
    for (Bytes32 child : List.copyOf(children.getOrDefault(root, List.of()))) {
      remove(child, dropped);
    }
    children.remove(root);
  }
}
