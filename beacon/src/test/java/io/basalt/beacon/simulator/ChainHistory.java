package io.basalt.beacon.simulator;

import io.basalt.beacon.chain.imports.ImportedBlock;
import io.basalt.beacon.chain.store.BlockSummary;
import io.basalt.consensus.types.Checkpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes32;

/**
 * What a simulation observed: every block any node imported (for ancestry across forks), and each
 * node's head and finalized checkpoint at the end of every slot. The observer's view, not a node's:
 * it is what safety and agreement are asserted on.
 */
final class ChainHistory {

  private final Map<Bytes32, BlockSummary> blocks = new HashMap<>();
  private final List<List<Bytes32>> heads = new ArrayList<>();
  private final List<Set<Checkpoint>> finalized = new ArrayList<>();

  ChainHistory(BlockSummary anchor, int nodeCount) {
    blocks.put(anchor.root(), anchor);
    for (int i = 0; i < nodeCount; i++) {
      finalized.add(new LinkedHashSet<>());
    }
  }

  void onImported(ImportedBlock imported) {
    blocks.putIfAbsent(
        imported.root(),
        new BlockSummary(
            imported.root(),
            imported.block().message().slot(),
            imported.block().message().parentRoot()));
  }

  /** Records every node's head and finalized checkpoint, in node order. */
  void record(List<SimNode> nodes) {
    List<Bytes32> slotHeads = new ArrayList<>(nodes.size());
    for (SimNode node : nodes) {
      slotHeads.add(node.head());
      finalized.get(node.id()).add(node.finalizedCheckpoint());
    }
    heads.add(List.copyOf(slotHeads));
  }

  boolean isAncestor(Bytes32 ancestor, Bytes32 root) {
    BlockSummary ancestorSummary = blocks.get(ancestor);
    BlockSummary current = blocks.get(root);
    if (ancestorSummary == null || current == null) {
      return false;
    }
    while (current != null && current.slot().isAfter(ancestorSummary.slot())) {
      current = blocks.get(current.parentRoot());
    }
    return current != null && current.root().equals(ancestor);
  }

  List<List<Checkpoint>> conflictingFinalizedCheckpoints() {
    Set<Checkpoint> all = new LinkedHashSet<>();
    finalized.forEach(all::addAll);
    List<Checkpoint> sorted = new ArrayList<>(all);
    sorted.sort((a, b) -> a.epoch().value().compareTo(b.epoch().value()));
    List<List<Checkpoint>> conflicts = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      for (int j = i + 1; j < sorted.size(); j++) {
        if (!isAncestor(sorted.get(i).root(), sorted.get(j).root())) {
          conflicts.add(List.of(sorted.get(i), sorted.get(j)));
        }
      }
    }
    return conflicts;
  }

  List<List<Bytes32>> heads() {
    return List.copyOf(heads);
  }

  List<Checkpoint> finalizedOf(int node) {
    return List.copyOf(finalized.get(node));
  }
}
