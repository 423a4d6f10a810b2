package io.basalt.execution.processor;

import io.basalt.common.crypto.secp256k1.SecpEcdsa;
import io.basalt.common.crypto.secp256k1.SecpPrivateKey;
import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import io.basalt.execution.contracts.MessagingView;
import io.basalt.execution.contracts.SystemContracts;
import io.basalt.execution.state.Account;
import io.basalt.execution.state.Wei;
import io.basalt.execution.state.WorldState;
import io.basalt.execution.transaction.Eip1559Transaction;
import io.basalt.execution.transaction.SenderRecovery;
import io.basalt.execution.transaction.SenderResult;
import io.basalt.execution.transaction.Transaction;
import io.basalt.execution.transaction.TransactionSigner;
import io.basalt.execution.trie.KvNodeStore;
import io.basalt.storage.memory.InMemoryKvStore;
import io.basalt.storage.schema.BasaltSchema;
import java.math.BigInteger;
import java.security.SecureRandom;
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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Executing a block of 1,000 pre-signed type-2 transfers on one thread: recover every sender, apply
 * the block on a fresh snapshot of a funded state, then compute the state root. Reported per
 * transfer, so the throughput mode reads as transfers per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TransferExecutionBenchmark {

  private static final int TRANSFERS = 1_000;
  private static final int SENDERS = 250;
  private static final long CHAIN_ID = 7_612_900L;

  private final BlockExecutor executor =
      new BlockExecutor(new SystemContracts((pubkey, withdrawal, gwei, signature) -> false, 1));
  private final BlockEnv env =
      new BlockEnv(
          0,
          4,
          CHAIN_ID,
          BigInteger.TEN.pow(9),
          UInt64.valueOf(30_000_000),
          Address.fromHexString("0x00000000000000000000000000000000000000fe"),
          MessagingView.NONE);
  private WorldState parent;
  private List<Transaction> block;

  /** 250 funded senders, 4 transfers each, to 1,000 distinct fresh recipients. */
  @Setup(Level.Trial)
  public void prepare() {
    SecureRandom random = new SecureRandom();
    SecpEcdsa ecdsa = SecpEcdsa.getDefault();
    parent = WorldState.empty(new KvNodeStore(InMemoryKvStore.create(BasaltSchema.SCHEMA)));
    block = new ArrayList<>(TRANSFERS);
    BigInteger gwei = BigInteger.TEN.pow(9);
    for (int s = 0; s < SENDERS; s++) {
      SecpPrivateKey key = SecpPrivateKey.random(random);
      parent.put(
          Address.fromPublicKey(ecdsa.publicKeyOf(key)),
          Account.of(UInt64.ZERO, Wei.ofEther(1_000)));
      for (int n = 0; n < TRANSFERS / SENDERS; n++) {
        Eip1559Transaction tx =
            Eip1559Transaction.unsigned(
                BigInteger.valueOf(CHAIN_ID),
                UInt64.valueOf(n),
                gwei,
                gwei.multiply(BigInteger.valueOf(3)),
                UInt64.valueOf(21_000),
                Optional.of(new Address(Bytes.random(Address.SIZE, random))),
                BigInteger.TEN.pow(17),
                Bytes.EMPTY,
                List.of());
        block.add(TransactionSigner.sign(tx, key, ecdsa));
      }
    }
    parent.commit();
  }

  @Benchmark
  @OperationsPerInvocation(TRANSFERS)
  public Bytes32 recoverExecuteAndRoot() throws BlockExecutionException {
    List<RecoveredTransaction> recovered = new ArrayList<>(TRANSFERS);
    for (Transaction tx : block) {
      if (!(SenderRecovery.recover(tx) instanceof SenderResult.Recovered r)) {
        throw new IllegalStateException("benchmark transaction does not recover");
      }
      recovered.add(new RecoveredTransaction(tx, r.sender()));
    }
    WorldState state = parent.snapshot();
    executor.execute(state, env, recovered);
    return state.rootHash();
  }
}
