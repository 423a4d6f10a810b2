package io.basalt.shard.transition;

import io.basalt.beacon.datastructures.shard.CrossShardReceipt;
import io.basalt.beacon.datastructures.shard.Crosslink;
import io.basalt.beacon.datastructures.shard.ShardOutbox;
import io.basalt.common.crypto.bls.BlsSignatureVerifier;
import io.basalt.common.types.Address;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.shard.chain.ShardChain;
import io.basalt.shard.datastructures.SignedShardBlock;
import io.basalt.shard.state.ShardState;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * Applying cross-shard receipts: validating a destination block that carries {@link #RECEIPTS}
 * receipts to distinct recipients, each with its SSZ branch checked against the source's
 * crosslinked outbox root (source outbox: 10,000 earlier receipts plus these), then the account
 * trie's root. Receipts per second = RECEIPTS / (seconds per op).
 *
 * <p>Run: {@code ./bench shard ReceiptApplicationBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReceiptApplicationBenchmark {

  static final int RECEIPTS = 1_000;
  private static final int EARLIER = 10_000;

  private final ShardFixture f = new ShardFixture();
  private ShardChain destination;
  private ShardState parent;
  private SignedShardBlock block;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    ShardOutbox outbox = ShardOutbox.empty(f.schemas.outbox());
    for (int i = 0; i < EARLIER + RECEIPTS; i++) {
      outbox =
          outbox.with(
              new CrossShardReceipt(
                  ShardId.of(1),
                  ShardId.of(2),
                  UInt64.valueOf(i),
                  ShardFixture.address(0),
                  new Address(Bytes32.leftPad(Bytes.ofUnsignedInt(i + 1L)).slice(12)),
                  BigInteger.valueOf(1_000_000 + i),
                  Bytes32.ZERO));
    }
    Bytes32 sourceBlock = Bytes32.repeat((byte) 0x51);
    Crosslink crosslink =
        new Crosslink(
            ShardId.of(1), Slot.of(1), sourceBlock, Bytes32.ZERO, outbox.root(f.schemas.outbox()));
    f.anchor = f.anchor.updated(m -> m.setLatestCrosslinks(m.latestCrosslinks().set(1, crosslink)));
    destination = f.chain(2);
    ShardState genesis = destination.stateAfter(Bytes32.ZERO).orElseThrow();
    // The destination has already applied the earlier receipts.
    List<UInt64> cursors = new ArrayList<>(genesis.inboxCursors());
    cursors.set(1, UInt64.valueOf(EARLIER));
    parent =
        new ShardState(
            genesis.shard(),
            genesis.slot(),
            genesis.blockRoot(),
            genesis.beaconBlockRoot(),
            genesis.accountsRoot(),
            genesis.nextBaseFee(),
            genesis.outbox(),
            cursors,
            genesis.withdrawalCursor());
    ShardOutbox source = outbox;
    block = f.produce(destination, parent, 2, List.of(), (s, root) -> Optional.of(source));
    if (block.message().body().incomingReceipts().size() != RECEIPTS) {
      throw new IllegalStateException(
          "Block carries " + block.message().body().incomingReceipts().size());
    }
  }

  @Benchmark
  public ShardBlockResult applyReceipts() throws ShardBlockException {
    return f.transition.apply(
        parent,
        block,
        f.beacon(),
        destination.nodeStore(),
        BlsSignatureVerifier.simple(),
        SenderRecoverer.SEQUENTIAL);
  }
}
