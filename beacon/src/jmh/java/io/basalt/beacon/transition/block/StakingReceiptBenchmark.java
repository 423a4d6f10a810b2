package io.basalt.beacon.transition.block;

import io.basalt.beacon.datastructures.shard.Crosslink;
import io.basalt.beacon.datastructures.shard.ShardOutbox;
import io.basalt.beacon.datastructures.shard.StakingReceipt;
import io.basalt.beacon.datastructures.shard.StakingReceiptProof;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.testing.TestStates;
import io.basalt.beacon.transition.BlockProcessingException;
import io.basalt.common.types.Address;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.bytes.Bytes48;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A block's worth of staking receipts ({@code MAX_DEPOSITS} of the local preset, 16) checked and
 * queued one after the other: per receipt, its {@code hash_tree_root}, a 34-level branch check
 * against the crosslinked outbox root, and the path copies of the queue and the cursor. The outbox
 * already holds 10,000 staking receipts, so the proven ones sit deep in the list.
 */
@State(Scope.Benchmark)
@Fork(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StakingReceiptBenchmark {

  private static final int RECEIPTS_BEFORE = 10_000;

  private StakingReceiptProcessor processor;
  private BeaconState state;
  private List<StakingReceiptProof> proofs;

  @Setup
  public void setUp() throws BlockProcessingException {
    BeaconState genesis = TestStates.genesis64();
    BeaconSchemas schemas = genesis.schemas();
    int perBlock = schemas.config().maxDeposits();
    ShardOutbox.Schema outboxSchema = schemas.shardOutbox();
    ShardOutbox outbox = ShardOutbox.empty(outboxSchema);
    for (int i = 0; i < RECEIPTS_BEFORE + perBlock; i++) {
      outbox = outbox.with(receipt(i));
    }
    proofs = new ArrayList<>(perBlock);
    for (int i = RECEIPTS_BEFORE; i < RECEIPTS_BEFORE + perBlock; i++) {
      proofs.add(
          new StakingReceiptProof(
              outbox.toBeacon().get(i), outbox.proveStakingReceipt(outboxSchema, i)));
    }
    Crosslink crosslink =
        new Crosslink(
            ShardId.of(1),
            Slot.of(1),
            Bytes32.repeat((byte) 1),
            Bytes32.ZERO,
            outbox.root(outboxSchema));
    state =
        genesis.updated(
            m ->
                m.setLatestCrosslink(1, crosslink)
                    .setStakingReceiptCursor(1, UInt64.valueOf(RECEIPTS_BEFORE)));
    processor = new StakingReceiptProcessor(schemas);
    processBlockOfReceipts(); // valid
  }

  private static StakingReceipt receipt(int index) {
    return new StakingReceipt(
        ShardId.of(1),
        UInt64.valueOf(index),
        Bytes48.leftPad(Bytes.ofUnsignedInt(index)),
        Address.ZERO,
        Gwei.of(32_000_000_000L),
        Bytes.wrap(new byte[96]),
        Address.ZERO,
        Bytes32.leftPad(Bytes.ofUnsignedInt(index)));
  }

  /** Every receipt of one block checked and queued. */
  @Benchmark
  public BeaconState processBlockOfReceipts() throws BlockProcessingException {
    BeaconState s = state;
    for (StakingReceiptProof proof : proofs) {
      s = processor.processStakingReceipt(s, proof);
    }
    return s;
  }
}
