package io.basalt.node.p2p;

import io.basalt.beacon.datastructures.shard.ShardBlockHeader;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.common.types.Address;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfigLoader;
import io.basalt.networking.gossip.MessageId;
import io.basalt.shard.datastructures.ShardBlock;
import io.basalt.shard.datastructures.ShardBlockBody;
import io.basalt.shard.datastructures.ShardSchemas;
import io.basalt.shard.datastructures.SignedShardBlock;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The per-message cost of receiving a shard block on gossip: the message id (decompress + SHA-256)
 * and the validator's decompress + SSZ decode. The block carries 200 transactions of 150 random
 * bytes (about 30 KiB of SSZ), a busy shard block.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GossipEncodingBenchmark {

  private SszCodecs codecs;
  private Bytes payload;

  @Setup
  public void setUp() {
    var config = SpecConfigLoader.load("local");
    codecs = new SszCodecs(new BeaconSchemas(config), new ShardSchemas(config));
    Random random = new Random(1);
    List<Bytes> transactions = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      byte[] tx = new byte[150];
      random.nextBytes(tx);
      transactions.add(Bytes.wrap(tx));
    }
    ShardBlockHeader header =
        new ShardBlockHeader(
            ShardId.of(0),
            Slot.of(5),
            ValidatorIndex.of(1),
            Bytes32.ZERO,
            Bytes32.ZERO,
            Bytes32.ZERO,
            Bytes32.ZERO,
            Bytes32.ZERO,
            Bytes32.ZERO,
            UInt64.ZERO,
            UInt64.valueOf(30_000_000),
            BigInteger.ONE,
            Address.ZERO);
    SignedShardBlock block =
        new SignedShardBlock(
            new ShardBlock(header, new ShardBlockBody(transactions, List.of(), List.of())),
            Bytes.wrap(new byte[96]));
    payload = Bytes.wrap(GossipEncoding.compress(codecs.encodeShardBlock(block)));
  }

  @Benchmark
  public MessageId messageId() {
    return GossipEncoding.messageId(payload, TopicKind.SHARD_BLOCK.maxUncompressedBytes());
  }

  @Benchmark
  public SignedShardBlock decompressAndDecode() {
    return codecs.decodeShardBlock(
        GossipEncoding.decompress(
            payload.toArrayUnsafe(), TopicKind.SHARD_BLOCK.maxUncompressedBytes()));
  }
}
