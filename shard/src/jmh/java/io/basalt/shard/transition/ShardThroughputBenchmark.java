package io.basalt.shard.transition;

import io.basalt.beacon.datastructures.shard.ShardBlockHeader;
import io.basalt.common.crypto.bls.BlsSignatureVerifier;
import io.basalt.common.crypto.secp256k1.SecpPrivateKey;
import io.basalt.common.types.Address;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.execution.processor.RecoveredTransaction;
import io.basalt.execution.state.Wei;
import io.basalt.execution.transaction.Eip1559Transaction;
import io.basalt.execution.transaction.TransactionSigner;
import io.basalt.execution.trie.KvNodeStore;
import io.basalt.execution.trie.NodeStore;
import io.basalt.shard.datastructures.SignedShardBlock;
import io.basalt.shard.executor.ParallelShardExecutor;
import io.basalt.shard.state.ShardGenesis;
import io.basalt.shard.state.ShardState;
import io.basalt.storage.memory.InMemoryKvStore;
import io.basalt.storage.schema.BasaltSchema;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Validating shard blocks of signed transfers: decoding, sender recovery, execution, the account
 * trie's root and commit, and the proposer's BLS signature — what a node does per imported block.
 * One op is one block of {@link #TRANSFERS} transfers on each of {@code shards} shards; with more
 * than one shard the blocks run concurrently on a {@link ParallelShardExecutor} of {@code threads}
 * threads, each recovering its senders in parallel on the same pool. Transfers per second =
 * TRANSFERS × shards / (seconds per op).
 *
 * <p>Run: {@code ./bench shard ShardThroughputBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ShardThroughputBenchmark {

  static final int TRANSFERS = 1_000;

  @Param({"1:1", "4:1", "4:2"})
  public String shardsAndThreads;

  private final ShardFixture f = new ShardFixture();
  private final List<ShardState> parents = new ArrayList<>();
  private final List<SignedShardBlock> blocks = new ArrayList<>();
  private final List<NodeStore> stores = new ArrayList<>();
  private ParallelShardExecutor executor;
  private SenderRecoverer recoverer;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    String[] parts = shardsAndThreads.split(":");
    int shards = Integer.parseInt(parts[0]);
    int threads = Integer.parseInt(parts[1]);
    executor = new ParallelShardExecutor(threads);
    recoverer = threads == 1 ? SenderRecoverer.SEQUENTIAL : executor.senderRecovery();
    for (int shard = 0; shard < shards; shard++) {
      NodeStore store = new KvNodeStore(InMemoryKvStore.create(BasaltSchema.SCHEMA));
      List<SecpPrivateKey> keys = new ArrayList<>();
      Map<Address, Wei> allocations = new HashMap<>();
      for (int i = 0; i < TRANSFERS; i++) {
        SecpPrivateKey key =
            SecpPrivateKey.fromBytes(
                Bytes32.leftPad(Bytes.ofUnsignedInt(1_000_000L * (shard + 1) + i)));
        keys.add(key);
        allocations.put(
            Address.fromPublicKey(ShardFixture.ECDSA.publicKeyOf(key)), Wei.ofEther(10));
      }
      ShardState genesis =
          ShardGenesis.create(
              f.schemas, ShardId.of(shard), allocations, ShardFixture.BEACON_ROOT, store);
      List<RecoveredTransaction> txs = new ArrayList<>();
      for (int i = 0; i < TRANSFERS; i++) {
        Eip1559Transaction unsigned =
            Eip1559Transaction.unsigned(
                ShardFixture.CONFIG.chainId(ShardId.of(shard)).toBigInteger(),
                UInt64.ZERO,
                BigInteger.valueOf(1_000_000_000L),
                BigInteger.valueOf(3_000_000_000L),
                UInt64.valueOf(21_000),
                Optional.of(ShardFixture.address(i % 7)),
                BigInteger.valueOf(1_000 + i),
                Bytes.EMPTY,
                List.of());
        txs.add(
            new RecoveredTransaction(
                TransactionSigner.sign(unsigned, keys.get(i), ShardFixture.ECDSA),
                Address.fromPublicKey(ShardFixture.ECDSA.publicKeyOf(keys.get(i)))));
      }
      ProducedShardBlock produced =
          f.producer.produce(
              genesis,
              Slot.of(1),
              f.accessors.getShardProposerIndex(f.anchor, Slot.of(1), ShardId.of(shard)),
              ShardFixture.BEACON_ROOT,
              f.anchor,
              ShardFixture.address(9),
              txs,
              (s, r) -> Optional.empty(),
              store,
              f.beacon());
      ShardBlockHeader header = produced.block().header();
      if (produced.block().body().transactions().size() != TRANSFERS) {
        throw new IllegalStateException(
            "Block holds " + produced.block().body().transactions().size());
      }
      parents.add(genesis);
      blocks.add(f.sign(produced.block()));
      stores.add(store);
      if (header.gasUsed().longValue() != 21_000L * TRANSFERS) {
        throw new IllegalStateException("Unexpected gas used " + header.gasUsed());
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    executor.close();
  }

  @Benchmark
  public List<ShardBlockResult> validateBlocks() {
    if (blocks.size() == 1) {
      return List.of(validate(0));
    }
    List<Callable<ShardBlockResult>> tasks = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      int shard = i;
      tasks.add(() -> validate(shard));
    }
    return executor.runAll(tasks);
  }

  private ShardBlockResult validate(int shard) {
    try {
      return f.transition.apply(
          parents.get(shard),
          blocks.get(shard),
          f.beacon(),
          stores.get(shard),
          BlsSignatureVerifier.simple(),
          recoverer);
    } catch (ShardBlockException e) {
      throw new IllegalStateException(e);
    }
  }
}
