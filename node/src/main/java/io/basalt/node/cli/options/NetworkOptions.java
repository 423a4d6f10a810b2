package io.basalt.node.cli.options;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The p2p endpoint and the peers to join. */
public final class NetworkOptions {
  @Option(
      names = "--p2p-host",
      paramLabel = "HOST",
      defaultValue = "127.0.0.1",
      description = "Address the p2p listener binds.")
  public String p2pHost;

  @Option(
      names = "--p2p-port",
      paramLabel = "PORT",
      defaultValue = "9000",
      description = "TCP port of the p2p listener (0: any free port).")
  public int p2pPort;

  @Option(
      names = "--bootnodes",
      paramLabel = "MULTIADDR",
      split = ",",
      description =
          "Peers to dial at start, comma-separated, e.g. /ip4/10.0.0.1/tcp/9000/p2p/16Uiu2...")
  public List<String> bootnodes = new ArrayList<>();

  @Option(
      names = "--max-peers",
      paramLabel = "N",
      defaultValue = "50",
      description = "Most peers kept connected.")
  public int maxPeers;
}
