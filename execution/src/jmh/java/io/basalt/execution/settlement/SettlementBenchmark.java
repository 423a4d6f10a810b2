package io.basalt.execution.settlement;

import io.basalt.common.crypto.bls.Bls;
import io.basalt.common.crypto.bls.BlsSecretKey;
import io.basalt.common.crypto.bls.BlsSignature;
import io.basalt.common.crypto.bls.InteropKeys;
import io.basalt.common.types.Address;
import io.basalt.common.types.Slot;
import io.basalt.execution.contracts.CallContext;
import io.basalt.execution.contracts.ContractResult;
import io.basalt.execution.contracts.MessagingView;
import io.basalt.execution.contracts.SettlementView;
import io.basalt.execution.contracts.StorageOverlay;
import io.basalt.execution.contracts.SystemContracts;
import io.basalt.execution.state.WorldState;
import io.basalt.execution.trie.KvNodeStore;
import io.basalt.storage.memory.InMemoryKvStore;
import io.basalt.storage.schema.BasaltSchema;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * The Settlement contract's hot paths: a {@code commitBatch} call with a 16-operator rollup and an
 * 11-signer quorum (bitmap, key aggregation, one pairing check, record writes to a storage
 * overlay), and a withdrawal proof check in a tree of 4,096 withdrawals.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SettlementBenchmark {

  private static final long CHAIN_ID = 7_612_900L;
  private static final int OPERATORS = 16;
  private static final Address CALLER =
      Address.fromHexString("0x00000000000000000000000000000000000000c1");

  private final SystemContracts contracts =
      new SystemContracts((p, w, g, s) -> false, 1, SettlementParams.DEFAULT);
  private final SettlementView view =
      SettlementView.of(CHAIN_ID, Slot.of(100), Optional.empty(), Optional.empty());
  private WorldState state;
  private Bytes commitCall;
  private List<Bytes32> leaves;
  private List<Bytes32> proof;
  private Bytes32 withdrawalsRoot;

  @Setup
  public void setUp() {
    state = WorldState.empty(new KvNodeStore(InMemoryKvStore.create(BasaltSchema.SCHEMA)));
    List<BlsSecretKey> keys = new ArrayList<>();
    List<Bytes> pubkeys = new ArrayList<>();
    List<Bytes> pops = new ArrayList<>();
    List<BigInteger> weights = new ArrayList<>();
    for (int i = 0; i < OPERATORS; i++) {
      BlsSecretKey key = InteropKeys.secretKey(i);
      keys.add(key);
      pubkeys.add(key.publicKey().toBytes());
      pops.add(Bls.popProve(key).toBytes());
      weights.add(BigInteger.ONE);
    }
    List<Object> config =
        List.of(
            BigInteger.valueOf(11),
            BigInteger.valueOf(16),
            List.of(),
            List.of(),
            BigInteger.ZERO,
            List.of());
    StorageOverlay registration = new StorageOverlay(state, SystemContracts.SETTLEMENT);
    ContractResult registered =
        contracts
            .settlement()
            .execute(
                context(registration, BigInteger.TEN.pow(18)),
                SettlementAbi.REGISTER_ROLLUP.encodeCall(List.of(config, pubkeys, weights, pops)));
    if (!registered.success()) {
      throw new IllegalStateException(registered.revertReason());
    }
    registration.applyTo(state);

    BatchHeader header =
        new BatchHeader(
            Bytes32.ZERO, 1, 100, Bytes32.repeat((byte) 1), Bytes32.repeat((byte) 2), Bytes32.ZERO);
    Bytes32 digest = SettlementDigests.commitDigest(CHAIN_ID, 0, 0, header.batchHash(0, 0));
    List<BlsSignature> signatures = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      signatures.add(Bls.sign(keys.get(i), digest));
    }
    commitCall =
        SettlementAbi.COMMIT_BATCH.encodeCall(
            List.of(
                BigInteger.ZERO,
                BigInteger.ZERO,
                header.parentBatchHash(),
                BigInteger.ONE,
                BigInteger.valueOf(100),
                header.stateRoot(),
                header.withdrawalsRoot(),
                header.dataHash(),
                Bytes.of(0xff, 0x07),
                Bls.aggregate(signatures).toBytes()));

    leaves = new ArrayList<>();
    for (int i = 0; i < 4_096; i++) {
      leaves.add(new Withdrawal(i, CALLER, BigInteger.valueOf(i + 1)).leaf());
    }
    withdrawalsRoot = WithdrawalTree.root(leaves);
    proof = WithdrawalTree.proof(leaves, 1_234);
  }

  private CallContext context(StorageOverlay storage, BigInteger value) {
    return new CallContext(CALLER, value, Bytes32.ZERO, 0, 4, MessagingView.NONE, storage, view);
  }

  @Benchmark
  public ContractResult commitBatch() {
    ContractResult result =
        contracts
            .settlement()
            .execute(
                context(new StorageOverlay(state, SystemContracts.SETTLEMENT), BigInteger.ZERO),
                commitCall);
    if (!result.success()) {
      throw new IllegalStateException(result.revertReason());
    }
    return result;
  }

  @Benchmark
  public Optional<String> verifyWithdrawalProof() {
    return WithdrawalTree.verify(withdrawalsRoot, leaves.get(1_234), 1_234, 4_096, proof);
  }
}
