package io.basalt.testnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.common.crypto.secp256k1.SecpPrivateKey;
import io.basalt.testnet.TestnetDataDir;
import io.basalt.testnet.TestnetException;
import io.basalt.testnet.TestnetInfo;
import io.basalt.testnet.l2.L1Client;
import io.basalt.testnet.l2.L2Demo;
import io.basalt.testnet.l2.L2Exception;
import io.basalt.testnet.l2.SettlementProofCheck;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code basalt testnet l2-demo}: the example toy L2's deposit → commit → settle → withdraw round
 * trip against the testnet running on {@code --data-dir}, on shard 0 of node {@code --node}.
 */
@Command(
    name = "l2-demo",
    mixinStandardHelpOptions = true,
    description =
        "Run the toy L2 against a running testnet: deposit, L2 credit, commit, SETTLED, withdrawal.")
final class L2DemoCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--data-dir",
      defaultValue = "testnet-data",
      paramLabel = "DIR",
      description = "The running testnet's data dir (default ./testnet-data).")
  Path dataDir;

  @Option(names = "--node", defaultValue = "0", paramLabel = "K", description = "Node to use.")
  int node;

  @Option(
      names = "--timeout",
      defaultValue = "300",
      paramLabel = "SECONDS",
      description = "How long to wait for the batch to settle (default 300).")
  long timeout;

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    try {
      JsonNode info = TestnetInfo.read(dataDir);
      JsonNode nodeInfo = info.path("nodes").path(node);
      JsonNode accounts = info.path("devAccounts");
      if (nodeInfo.isMissingNode() || accounts.size() < 2) {
        throw new TestnetException(
            dataDir.resolve(TestnetInfo.FILE_NAME)
                + " has no node "
                + node
                + " or fewer than two dev accounts");
      }
      L1Client l1 =
          new L1Client(
              nodeInfo.path("rpc").asText(),
              info.path("chainIds").path("0").asLong(),
              info.path("genesisTime").asLong(),
              info.path("secondsPerSlot").asLong());
      new L2Demo(
              l1,
              SettlementProofCheck.fromGenesis(l1, TestnetDataDir.genesisDir(dataDir)),
              SecpPrivateKey.fromHexString(accounts.path(0).path("privateKey").asText()),
              SecpPrivateKey.fromHexString(accounts.path(1).path("privateKey").asText()),
              cl.getOut(),
              timeout)
          .run();
      return 0;
    } catch (TestnetException | L2Exception e) {
      cl.getErr().println("basalt testnet l2-demo: " + e.getMessage());
      cl.getErr().flush();
      return 1;
    }
  }
}
