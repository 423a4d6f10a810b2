package io.basalt.shard.store;

import io.basalt.common.crypto.bls.BlsSignatureVerifier;
import io.basalt.common.crypto.secp256k1.SecpPrivateKey;
import io.basalt.common.types.Address;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.execution.processor.RecoveredTransaction;
import io.basalt.execution.receipt.Receipt;
import io.basalt.execution.state.Wei;
import io.basalt.execution.transaction.Eip1559Transaction;
import io.basalt.execution.transaction.TransactionSigner;
import io.basalt.execution.trie.KvNodeStore;
import io.basalt.execution.trie.NodeStore;
import io.basalt.shard.datastructures.SignedShardBlock;
import io.basalt.shard.state.ShardGenesis;
import io.basalt.shard.state.ShardState;
import io.basalt.shard.transition.ProducedShardBlock;
import io.basalt.shard.transition.SenderRecoverer;
import io.basalt.shard.transition.ShardBlockResult;
import io.basalt.shard.transition.ShardFixture;
import io.basalt.storage.KvStore;
import io.basalt.storage.memory.InMemoryKvStore;
import io.basalt.storage.rocksdb.RocksDbConfig;
import io.basalt.storage.rocksdb.RocksDbKvStore;
import io.basalt.storage.schema.BasaltSchema;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * The storage side of a shard block import in RocksDB (WAL on, no fsync): {@code writeImport}
 * commits a validated block of {@code transfers} transfers as a node does — block, state, receipts,
 * one transaction location per transfer and the trie nodes the validation created, in one
 * transaction (the same keys are rewritten each op); {@code readBlockAndReceipts} reads and decodes
 * a stored block and its receipts, as serving {@code shard_blocks_by_range} or a receipt query
 * does.
 *
 * <p>Run: {@code ./bench shard ShardChainStoreBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ShardChainStoreBenchmark {

  @Param({"100", "1000"})
  public int transfers;

  private final ShardFixture f = new ShardFixture();
  private Path dir;
  private KvStore kv;
  private ShardChainStore store;
  private SignedShardBlock block;
  private ShardBlockResult result;
  private Map<Bytes32, Bytes> trieNodes;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    ShardId shard = ShardId.of(1);
    NodeStore memory = new KvNodeStore(InMemoryKvStore.create(BasaltSchema.SCHEMA));
    List<SecpPrivateKey> keys = new ArrayList<>();
    Map<Address, Wei> allocations = new HashMap<>();
    for (int i = 0; i < transfers; i++) {
      SecpPrivateKey key =
          SecpPrivateKey.fromBytes(Bytes32.leftPad(Bytes.ofUnsignedInt(2_000_000L + i)));
      keys.add(key);
      allocations.put(Address.fromPublicKey(ShardFixture.ECDSA.publicKeyOf(key)), Wei.ofEther(1));
    }
    ShardState genesis =
        ShardGenesis.create(f.schemas, shard, allocations, ShardFixture.BEACON_ROOT, memory);
    List<RecoveredTransaction> txs = new ArrayList<>();
    for (int i = 0; i < transfers; i++) {
      Eip1559Transaction unsigned =
          Eip1559Transaction.unsigned(
              ShardFixture.CONFIG.chainId(shard).toBigInteger(),
              UInt64.ZERO,
              BigInteger.valueOf(1_000_000_000L),
              BigInteger.valueOf(3_000_000_000L),
              UInt64.valueOf(21_000),
              Optional.of(ShardFixture.address(i % 7)),
              BigInteger.valueOf(1_000 + i),
              Bytes.EMPTY,
              List.of());
      Address sender = Address.fromPublicKey(ShardFixture.ECDSA.publicKeyOf(keys.get(i)));
      txs.add(
          new RecoveredTransaction(
              TransactionSigner.sign(unsigned, keys.get(i), ShardFixture.ECDSA), sender));
    }
    ProducedShardBlock produced =
        f.producer.produce(
            genesis,
            Slot.of(1),
            f.accessors.getShardProposerIndex(f.anchor, Slot.of(1), shard),
            ShardFixture.BEACON_ROOT,
            f.anchor,
            ShardFixture.address(9),
            txs,
            (s, r) -> Optional.empty(),
            new StagingNodeStore(memory),
            f.beacon());
    block = f.sign(produced.block());
    StagingNodeStore staging = new StagingNodeStore(memory);
    result =
        f.transition.apply(
            genesis,
            block,
            f.beacon(),
            staging,
            BlsSignatureVerifier.simple(),
            SenderRecoverer.SEQUENTIAL);
    trieNodes = staging.staged();
    if (block.message().body().transactions().size() != transfers || trieNodes.isEmpty()) {
      throw new IllegalStateException("Unexpected block");
    }
    dir = Files.createTempDirectory("shard-store-bench");
    kv = RocksDbKvStore.open(dir.resolve("db"), RocksDbConfig.defaults(), BasaltSchema.SCHEMA);
    store = new ShardChainStore(kv, f.schemas, genesis, ShardChainStore.DEFAULT_STATE_CACHE);
    store.put(block, result, trieNodes);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    kv.close();
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  @Benchmark
  public ShardChainStore writeImport() {
    store.put(block, result, trieNodes);
    return store;
  }

  @Benchmark
  public List<Receipt> readBlockAndReceipts() {
    store.block(block.root()).orElseThrow();
    return store.receipts(block.root()).orElseThrow();
  }
}
