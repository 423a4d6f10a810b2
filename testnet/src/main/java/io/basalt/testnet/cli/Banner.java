package io.basalt.testnet.cli;

import io.basalt.node.genesis.DevAccount;
import io.basalt.node.genesis.DevAccounts;
import io.basalt.testnet.NodeSetup;
import io.basalt.testnet.Testnet;
import io.basalt.testnet.TestnetInfo;
import java.io.PrintWriter;
import java.util.Map;

/** What the launcher prints once its nodes start: endpoints, contracts and dev accounts. */
final class Banner {

  private Banner() {}

  static void print(PrintWriter out, Testnet testnet, int controlPort) {
    var spec = testnet.spec();
    out.printf(
        "Basalt testnet: %d nodes, %d validators, %d shards, preset %s, data dir %s%n",
        spec.nodes(),
        spec.validators(),
        testnet.config().shardCount(),
        spec.preset(),
        spec.dataDir().toAbsolutePath());
    out.printf(
        "Genesis at %d (in %ds); everything below is also in %s%n%n",
        testnet.genesisTime(),
        Math.max(0, testnet.genesisTime() - System.currentTimeMillis() / 1000),
        spec.dataDir().resolve(TestnetInfo.FILE_NAME));
    out.printf("%-5s %-24s %-24s %-32s %s%n", "node", "JSON-RPC", "metrics", "p2p", "log");
    for (NodeSetup node : testnet.nodes()) {
      out.printf(
          "%-5d %-24s %-24s %-32s %s%n",
          node.index(),
          node.rpcUrl(),
          "127.0.0.1:" + node.metricsPort(),
          "/ip4/127.0.0.1/tcp/" + node.p2pPort(),
          node.log());
    }
    out.println();
    StringBuilder chains = new StringBuilder("Chain ids:");
    for (int shard = 0; shard < testnet.config().shardCount(); shard++) {
      chains
          .append(" shard ")
          .append(shard)
          .append('=')
          .append(testnet.config().chainId(io.basalt.common.types.ShardId.of(shard)).longValue());
    }
    out.println(chains + "  (shard i: <rpc>/shard/i)");
    for (Map.Entry<String, String> contract : TestnetInfo.systemContracts().entrySet()) {
      out.printf("System contract %-10s %s%n", contract.getKey(), contract.getValue());
    }
    out.println();
    out.println("Available accounts (10,000 ETH each on every shard)");
    out.println("==================");
    for (DevAccount account : testnet.devAccounts()) {
      out.printf("(%d) %s%n", account.index(), account.address().toHexString());
    }
    out.println();
    out.println("Private keys");
    out.println("==================");
    for (DevAccount account : testnet.devAccounts()) {
      out.printf("(%d) %s%n", account.index(), account.privateKey());
    }
    out.println();
    out.println("Mnemonic: " + DevAccounts.DEV_MNEMONIC);
    out.println("Derivation path: m/44'/60'/0'/0/{index}");
    out.println("WARNING: these keys are public; never send real value to them on a real network.");
    out.println();
    out.println(
        "Control: type `help` here, or from another terminal `basalt testnet stop --node 1`"
            + " (control port "
            + controlPort
            + "). Ctrl-C stops every node.");
    out.flush();
  }
}
