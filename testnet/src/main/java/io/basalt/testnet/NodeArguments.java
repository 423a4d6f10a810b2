package io.basalt.testnet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code basalt run} arguments of one testnet node. */
final class NodeArguments {

  private NodeArguments() {}

  /**
   * @param bootnodes the multiaddrs the node dials and redials (every other validator node)
   */
  static List<String> of(NodeSetup node, Path genesisDir, List<String> bootnodes) {
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "--data-dir", node.dataDir().toString(),
            "--genesis", genesisDir.toString(),
            "--p2p-host", "127.0.0.1",
            "--p2p-port", Integer.toString(node.p2pPort()),
            "--metrics-port", Integer.toString(node.metricsPort()),
            "--rpc-port", Integer.toString(node.rpcPort())));
    if (!bootnodes.isEmpty()) {
      args.add("--bootnodes");
      args.add(String.join(",", bootnodes));
    }
    if (node.hasValidators()) {
      args.addAll(
          List.of(
              "--validator-keys", node.validatorKeys().orElseThrow().toString(),
              "--validator-passwords", node.validatorPasswords().orElseThrow().toString()));
    }
    return args;
  }
}
