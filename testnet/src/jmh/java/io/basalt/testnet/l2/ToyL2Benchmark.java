package io.basalt.testnet.l2;

import io.basalt.common.types.Address;
import io.basalt.execution.settlement.SettlementDigests;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The toy L2's operator-side costs per batch: sealing a batch of 1,024 withdrawals (ledger updates,
 * withdrawal tree, data hash) and the quorum signature of a commit (3 of 4 BLS operators sign,
 * aggregate, ABI-encode). L1 costs (the contract's checks) are in execution's {@code
 * SettlementBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ToyL2Benchmark {

  private static final int WITHDRAWALS = 1024;
  private static final Address USER =
      Address.fromHexString("0x00000000000000000000000000000000000a11ce");

  private final BlsCommittee operators =
      BlsCommittee.derived("bench/operators", List.of(1L, 1L, 1L, 1L), 3);
  private L2Batch batch;
  private long rollupId;

  @Setup
  public void setUp() throws L2Exception {
    batch = sealBatch();
  }

  @Benchmark
  public L2Batch sealBatchOf1024Withdrawals() throws L2Exception {
    return sealBatch();
  }

  @Benchmark
  public Bytes signAndEncodeCommit() {
    BlsCommittee.QuorumSignature signed =
        operators.signQuorum(SettlementDigests.commitDigest(7612900, 0, 0, batch.hash()));
    return SettlementCalldata.commitBatch(0, 0, batch.header(), signed);
  }

  private L2Batch sealBatch() throws L2Exception {
    ToyRollup rollup = new ToyRollup(rollupId++);
    rollup.credit(
        new DepositEvent(
            rollup.rollupId(),
            0,
            USER,
            USER,
            BigInteger.valueOf(WITHDRAWALS),
            Bytes.EMPTY,
            org.apache.tuweni.bytes.Bytes32.ZERO,
            1));
    for (int i = 0; i < WITHDRAWALS; i++) {
      rollup.withdraw(USER, USER, BigInteger.ONE);
    }
    return rollup.sealBatch();
  }
}
