package io.basalt.testnet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A split of the testnet's nodes into groups that cannot reach each other. Nodes named in no group
 * form one more group together, so every node is in exactly one.
 */
public final class Partition {

  private final List<Set<Integer>> groups;

  private Partition(List<Set<Integer>> groups) {
    this.groups = groups;
  }

  /**
   * @param named the groups as given, e.g. {@code [[0, 1], [2, 3]]}
   * @param nodeCount how many nodes the testnet has (indices {@code 0..nodeCount-1})
   * @throws TestnetException if a group is empty, names an unknown node or a node twice, or the
   *     split leaves a single group
   */
  public static Partition of(List<Set<Integer>> named, int nodeCount) throws TestnetException {
    List<Set<Integer>> groups = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    for (Set<Integer> group : named) {
      if (group.isEmpty()) {
        throw new TestnetException("a partition group is empty");
      }
      for (int node : group) {
        if (node < 0 || node >= nodeCount) {
          throw new TestnetException(
              "no node " + node + " to partition; nodes are 0.." + (nodeCount - 1));
        }
        if (!seen.add(node)) {
          throw new TestnetException("node " + node + " is in two partition groups");
        }
      }
      groups.add(Set.copyOf(group));
    }
    Set<Integer> rest = new TreeSet<>();
    for (int node = 0; node < nodeCount; node++) {
      if (!seen.contains(node)) {
        rest.add(node);
      }
    }
    if (!rest.isEmpty()) {
      groups.add(Set.copyOf(rest));
    }
    if (groups.size() < 2) {
      throw new TestnetException("a partition needs at least two groups, e.g. `partition 0,1 2,3`");
    }
    return new Partition(List.copyOf(groups));
  }

  /**
   * Parses groups written as comma-separated node indices, e.g. {@code ["0,1", "2,3"]}.
   *
   * @throws TestnetException if an entry is not a list of numbers
   */
  public static List<Set<Integer>> parseGroups(List<String> texts) throws TestnetException {
    List<Set<Integer>> groups = new ArrayList<>();
    for (String text : texts) {
      Set<Integer> group = new TreeSet<>();
      for (String part : text.split(",")) {
        if (part.isBlank()) {
          continue;
        }
        try {
          group.add(Integer.parseInt(part.strip()));
        } catch (NumberFormatException e) {
          throw new TestnetException(
              "partition group '" + text + "' is not a comma-separated list of node indices");
        }
      }
      groups.add(group);
    }
    return groups;
  }

  public List<Set<Integer>> groups() {
    return groups;
  }

  /** For each node, the nodes outside its group: the peers it must deny. */
  public Map<Integer, Set<Integer>> denied() {
    Map<Integer, Set<Integer>> denied = new HashMap<>();
    for (Set<Integer> group : groups) {
      for (int node : group) {
        Set<Integer> others = new TreeSet<>();
        for (Set<Integer> other : groups) {
          if (other != group) {
            others.addAll(other);
          }
        }
        denied.put(node, others);
      }
    }
    return denied;
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    for (Set<Integer> group : groups) {
      parts.add(new TreeSet<>(group).toString());
    }
    return String.join(" | ", parts);
  }
}
