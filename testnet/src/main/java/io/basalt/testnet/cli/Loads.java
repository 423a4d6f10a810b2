package io.basalt.testnet.cli;

import io.basalt.common.types.ShardId;
import io.basalt.testnet.NodeSetup;
import io.basalt.testnet.Testnet;
import io.basalt.testnet.load.LoadGenerator;
import io.basalt.testnet.load.TransferFactory;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** The load generator for {@code basalt testnet --load}, aimed at every node of a testnet. */
public final class Loads {

  private Loads() {}

  /** A started generator sending {@code tps} from the testnet's load accounts. */
  public static LoadGenerator generator(Testnet testnet, double tps) {
    List<String> urls = testnet.nodes().stream().map(NodeSetup::rpcUrl).toList();
    List<Long> chainIds = new ArrayList<>();
    for (int shard = 0; shard < testnet.config().shardCount(); shard++) {
      chainIds.add(testnet.config().chainId(ShardId.of(shard)).longValue());
    }
    BigInteger baseFee = testnet.config().initialBaseFeePerGas().toBigInteger();
    LoadGenerator generator =
        new LoadGenerator(
            new LoadGenerator.Config(
                tps,
                urls,
                chainIds,
                testnet.loadAccounts(),
                TestnetCommand.CROSS_SHARD_EVERY,
                // A tip of one base fee; room for the base fee to grow 100-fold under load.
                new TransferFactory(baseFee, baseFee.multiply(BigInteger.valueOf(100)))));
    generator.start();
    return generator;
  }
}
