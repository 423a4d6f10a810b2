package io.basalt.testnet.load;

import io.basalt.common.crypto.secp256k1.SecpPrivateKey;
import io.basalt.node.genesis.DevAccount;
import io.basalt.node.genesis.DevAccounts;
import java.math.BigInteger;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * How many transactions one load-generator thread can sign and encode per second: the ceiling of
 * {@code --load} on one core before any JSON-RPC cost.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TransferSigningBenchmark {

  private final TransferFactory factory =
      new TransferFactory(BigInteger.valueOf(1_000_000_000L), BigInteger.valueOf(100_000_000_000L));
  private SecpPrivateKey key;
  private DevAccount recipient;
  private long nonce;

  @Setup
  public void setUp() {
    var accounts = DevAccounts.derive(DevAccounts.DEV_MNEMONIC, 2);
    key = SecpPrivateKey.fromHexString(accounts.get(0).privateKey());
    recipient = accounts.get(1);
  }

  @Benchmark
  public String signTransfer() {
    return factory.transfer(key, 7612900, nonce++, recipient.address(), BigInteger.ONE);
  }

  @Benchmark
  public String signCrossShardTransfer() {
    return factory.crossShardTransfer(
        key, 7612900, nonce++, 1, recipient.address(), BigInteger.ONE);
  }
}
