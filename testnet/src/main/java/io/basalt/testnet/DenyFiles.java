package io.basalt.testnet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes each node's {@code p2p/deny-peers} file, which the node re-reads every 500 ms and whose
 * peer ids it bans (the node's {@code PeerDenyFile}). Files are replaced atomically so a node never
 * reads half a list.
 */
final class DenyFiles {

  private DenyFiles() {}

  /** Each node denies the peers outside its group. */
  static void apply(Partition partition, List<NodeSetup> nodes) throws TestnetException {
    for (Map.Entry<Integer, Set<Integer>> entry : partition.denied().entrySet()) {
      List<String> lines = new ArrayList<>();
      lines.add("# written by basalt testnet: partition " + partition);
      for (int other : entry.getValue()) {
        lines.add(nodes.get(other).peerId().toString());
      }
      write(nodes.get(entry.getKey()), lines);
    }
  }

  /** Every node allows every peer again. */
  static void clear(List<NodeSetup> nodes) throws TestnetException {
    for (NodeSetup node : nodes) {
      write(node, List.of());
    }
  }

  private static void write(NodeSetup node, List<String> lines) throws TestnetException {
    Path file = node.denyPeersFile();
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.write(temporary, lines);
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new TestnetException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
