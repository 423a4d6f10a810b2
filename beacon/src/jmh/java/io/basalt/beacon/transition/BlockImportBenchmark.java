package io.basalt.beacon.transition;

import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.testing.InteropStates;
import io.basalt.beacon.testing.TestChain;
import io.basalt.common.crypto.bls.BlsBatchVerifier;
import io.basalt.common.crypto.bls.BlsSignatureVerifier;
import io.basalt.common.types.Slot;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.config.SpecConfigLoader;
import io.basalt.consensus.types.Attestation;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Importing a mainnet-like block: {@code stateTransition} (slot processing, block processing, one
 * batch verification of every signature, state root check) of a block carrying 128 aggregate
 * attestations, each of a full committee of 128. The config is mainnet's with {@code SHARD_COUNT:
 * 128} and {@code SLOTS_PER_EPOCH: 2}, so that 128 committees of 128 fill one slot with 32,768
 * validators. Keys are warm in the pubkey cache, as on a running node. Target: at most 25 ms.
 */
@State(Scope.Benchmark)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx3g", "-Xms3g"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BlockImportBenchmark {

  private static final int COMMITTEE_SIZE = 128;
  private static final int SHARDS = 128;
  private static final int SLOTS_PER_EPOCH = 2;

  private StateTransition transition;
  private BeaconState genesis;
  private SignedBeaconBlock block;
  private final BlsSignatureVerifier sequentialBatch = new BlsBatchVerifier();
  private final BlsSignatureVerifier parallelBatch =
      new BlsBatchVerifier(
          new SecureRandom(),
          ForkJoinPool.commonPool(),
          Runtime.getRuntime().availableProcessors());

  @Setup
  public void setUp() throws BlockProcessingException {
    SpecConfig config =
        SpecConfigLoader.loadYaml(
            "mainnet", "SHARD_COUNT: " + SHARDS + "\nSLOTS_PER_EPOCH: " + SLOTS_PER_EPOCH + "\n");
    genesis = InteropStates.genesis(config, COMMITTEE_SIZE * SHARDS * SLOTS_PER_EPOCH);
    TestChain chain = new TestChain(genesis);
    List<Attestation> attestations = chain.fullAttestations(Slot.ZERO);
    block = chain.produce(Slot.of(1), body -> body.attestations.addAll(attestations));
    transition = chain.transition();
    if (attestations.size() != SHARDS
        || attestations.get(0).aggregationBits().size() != COMMITTEE_SIZE) {
      throw new IllegalStateException("Unexpected committee shape");
    }
    // Valid, and the pubkey cache is warm.
    transition.stateTransition(genesis, block, BlsSignatureVerifier.simple(), true);
  }

  /** The import as a node does it: the batch split across the cores. */
  @Benchmark
  public BeaconState importBlockParallelBatch() throws BlockProcessingException {
    return transition.stateTransition(genesis, block, parallelBatch, true);
  }

  /** The same batch on one thread. */
  @Benchmark
  public BeaconState importBlockSequentialBatch() throws BlockProcessingException {
    return transition.stateTransition(genesis, block, sequentialBatch, true);
  }

  /** Everything but the pairings: processing, key aggregation input, hashing. */
  @Benchmark
  public BeaconState importBlockNoSignatureChecks() throws BlockProcessingException {
    return transition.stateTransition(genesis, block, BlsSignatureVerifier.noOp(), true);
  }
}
