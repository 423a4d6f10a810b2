package io.basalt.execution.receipt;

import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import io.basalt.execution.transaction.TransactionType;
import io.basalt.execution.trie.OrderedTrieRoot;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The receipts root of a block of 1,000 type-2 receipts with one ERC-20-style log each (three
 * topics, 32 bytes of data): from the receipt objects (encoding, bloom bytes and trie), from the
 * encodings alone (the trie), and building the receipts themselves (their blooms).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReceiptsRootBenchmark {

  private static final int RECEIPTS = 1_000;

  private List<Log> logs;
  private List<Receipt> receipts;
  private List<Bytes> encoded;

  @Setup(Level.Trial)
  public void makeReceipts() {
    Random random = new Random(42);
    Bytes32 transferTopic = Bytes32.random(random);
    logs = new ArrayList<>(RECEIPTS);
    receipts = new ArrayList<>(RECEIPTS);
    encoded = new ArrayList<>(RECEIPTS);
    for (int i = 0; i < RECEIPTS; i++) {
      Log log =
          new Log(
              new Address(Bytes.random(Address.SIZE, random)),
              List.of(transferTopic, Bytes32.random(random), Bytes32.random(random)),
              Bytes32.random(random));
      Receipt receipt =
          new Receipt(
              TransactionType.EIP1559, true, UInt64.valueOf(21_000L * (i + 1)), List.of(log));
      logs.add(log);
      receipts.add(receipt);
      encoded.add(receipt.encode());
    }
  }

  @Benchmark
  public Bytes32 receiptsRoot() {
    return Receipt.rootOf(receipts);
  }

  @Benchmark
  public Bytes32 orderedTrieRootOfEncodings() {
    return OrderedTrieRoot.of(encoded);
  }

  @Benchmark
  public Bytes[] encodeReceipts() {
    Bytes[] out = new Bytes[RECEIPTS];
    for (int i = 0; i < RECEIPTS; i++) {
      out[i] = receipts.get(i).encode();
    }
    return out;
  }

  @Benchmark
  public Receipt[] buildReceiptsWithBlooms() {
    Receipt[] built = new Receipt[RECEIPTS];
    for (int i = 0; i < RECEIPTS; i++) {
      built[i] = new Receipt(TransactionType.EIP1559, true, UInt64.ONE, List.of(logs.get(i)));
    }
    return built;
  }
}
