package io.basalt.node.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.crypto.secp256k1.SecpPrivateKey;
import io.basalt.networking.identity.PeerId;
import io.basalt.networking.identity.Secp256k1PeerPrivateKey;
import io.basalt.node.cli.GenesisCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * A genesis for {@code validatorNodes} nodes written by {@code basalt genesis}, and the nodes' data
 * directories with node keys made up front so every node knows node 0's peer id (its bootnode).
 */
final class LocalNetwork implements AutoCloseable {

  record NodeSetup(int index, Path dataDir, int p2pPort, int metricsPort, PeerId peerId) {}

  private final Path root;
  private final Path genesis;
  private final int validatorNodes;
  private final List<NodeSetup> setups = new ArrayList<>();
  private final List<NodeProcess> processes = new ArrayList<>();

  private LocalNetwork(Path root, int validatorNodes) {
    this.root = root;
    this.genesis = root.resolve("genesis");
    this.validatorNodes = validatorNodes;
  }

  static LocalNetwork create(Path root, int validatorNodes, int validators, int genesisDelay)
      throws IOException {
    LocalNetwork network = new LocalNetwork(root, validatorNodes);
    int exit =
        new CommandLine(new GenesisCommand())
            .execute(
                "--out", network.genesis.toString(),
                "--validators", Integer.toString(validators),
                "--nodes", Integer.toString(validatorNodes),
                "--genesis-delay", Integer.toString(genesisDelay));
    assertThat(exit).as("basalt genesis exit code").isZero();
    return network;
  }

  /** Sets up node {@code index} (validators only for index < validatorNodes). */
  NodeSetup setup(int index) throws IOException {
    while (setups.size() <= index) {
      int i = setups.size();
      Path dataDir = root.resolve("node-" + i);
      Path keyDir = dataDir.resolve("p2p");
      Files.createDirectories(keyDir);
      SecpPrivateKey key = SecpPrivateKey.random(new SecureRandom());
      Files.writeString(keyDir.resolve("node-key"), key.toBytes().toHexString());
      PeerId peerId = PeerId.fromPublicKey(Secp256k1PeerPrivateKey.of(key).publicKey());
      setups.add(new NodeSetup(i, dataDir, NodeProcess.freePort(), NodeProcess.freePort(), peerId));
      processes.add(null);
    }
    return setups.get(index);
  }

  /** Starts node {@code index} (a new process; its data dir is kept between starts). */
  NodeProcess start(int index) throws IOException {
    NodeSetup setup = setup(index);
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "--data-dir", setup.dataDir().toString(),
            "--genesis", genesis.toString(),
            "--p2p-port", Integer.toString(setup.p2pPort()),
            "--metrics-port", Integer.toString(setup.metricsPort()),
            "--rpc-port", Integer.toString(NodeProcess.freePort())));
    if (index > 0) {
      NodeSetup boot = setup(0);
      args.add("--bootnodes");
      args.add("/ip4/127.0.0.1/tcp/" + boot.p2pPort() + "/p2p/" + boot.peerId());
    }
    if (index < validatorNodes) {
      Path nodeKeys = genesis.resolve("node-" + index);
      args.addAll(
          List.of(
              "--validator-keys", nodeKeys.resolve("validator-keys").toString(),
              "--validator-passwords", nodeKeys.resolve("validator-passwords").toString()));
    }
    NodeProcess process =
        new NodeProcess(args, root.resolve("node-" + index + ".log"), setup.metricsPort());
    process.start();
    processes.set(index, process);
    return process;
  }

  NodeProcess node(int index) {
    return processes.get(index);
  }

  int size() {
    return processes.size();
  }

  Path genesisDir() {
    return genesis;
  }

  Path dataDir(int index) {
    return setups.get(index).dataDir();
  }

  /** Every node's log, for a failure message. */
  String logs() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < processes.size(); i++) {
      if (processes.get(i) != null) {
        String log = processes.get(i).logText();
        text.append("\n===== node ").append(i).append(" =====\n");
        text.append(log.length() > 6000 ? log.substring(log.length() - 6000) : log);
      }
    }
    return text.toString();
  }

  @Override
  public void close() throws InterruptedException {
    for (NodeProcess process : processes) {
      if (process != null) {
        process.close();
      }
    }
  }
}
