package io.basalt.beacon.chain.pool;

import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.Validator;
import io.basalt.common.ssz.Bits;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.config.SpecConfigLoader;
import io.basalt.consensus.types.Attestation;
import io.basalt.consensus.types.AttestationData;
import io.basalt.consensus.types.Checkpoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.bytes.Bytes48;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Packing a block's attestations with the greedy max-cover: the local preset (4 shards, 8 slots per
 * epoch) with {@code validatorCount} validators, one epoch of pooled aggregates — {@code
 * aggregatesPerCommittee} random, overlapping halves of every committee — on a state at the next
 * epoch's second slot. Made-up keys and signatures (the packer does no BLS work).
 */
@State(Scope.Benchmark)
@Fork(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AttestationPackerBenchmark {

  @Param("16384")
  public int validatorCount;

  @Param("4")
  public int aggregatesPerCommittee;

  private AttestationPacker packer;
  private BeaconState state;
  private List<Attestation> pool;
  private int maxAttestations;

  @Setup
  public void setUp() {
    SpecConfig config = SpecConfigLoader.load("local");
    BeaconSchemas schemas = new BeaconSchemas(config);
    BeaconStateAccessors accessors = new BeaconStateAccessors(config);
    packer = new AttestationPacker(config, accessors);
    maxAttestations = config.maxAttestations();
    List<Validator> validators = new ArrayList<>(validatorCount);
    for (int i = 0; i < validatorCount; i++) {
      byte[] key = new byte[48];
      key[0] = (byte) 0xa0;
      key[1] = (byte) (i >>> 16);
      key[2] = (byte) (i >>> 8);
      key[3] = (byte) i;
      validators.add(
          new Validator(
              Bytes48.wrap(key),
              Bytes32.wrap(Bytes.concatenate(Bytes.of(1), Bytes.wrap(new byte[31]))),
              config.maxEffectiveBalance(),
              false,
              Epoch.ZERO,
              Epoch.ZERO,
              Validator.FAR_FUTURE_EPOCH,
              Validator.FAR_FUTURE_EPOCH));
    }
    int slotsPerEpoch = config.slotsPerEpoch();
    state =
        schemas
            .emptyBeaconState()
            .updated(
                m ->
                    m.setValidators(schemas.validators().of(validators))
                        .setBalances(
                            schemas
                                .balances()
                                .of(
                                    Collections.nCopies(
                                        validatorCount, config.maxEffectiveBalance())))
                        .setPreviousEpochParticipation(
                            schemas.participation().of(Collections.nCopies(validatorCount, 0)))
                        .setCurrentEpochParticipation(
                            schemas.participation().of(Collections.nCopies(validatorCount, 0)))
                        .setSlot(Slot.of(slotsPerEpoch + 1)));
    Random random = new Random(42);
    pool = new ArrayList<>();
    for (int slot = 2; slot <= slotsPerEpoch; slot++) {
      for (int shard = 0; shard < config.shardCount(); shard++) {
        int size = accessors.getBeaconCommittee(state, Slot.of(slot), ShardId.of(shard)).size();
        AttestationData data =
            new AttestationData(
                Slot.of(slot),
                ShardId.of(shard),
                Bytes32.ZERO,
                Checkpoint.GENESIS,
                new Checkpoint(Epoch.of(slot / slotsPerEpoch), Bytes32.ZERO),
                Bytes32.ZERO);
        for (int a = 0; a < aggregatesPerCommittee; a++) {
          Bits bits = Bits.zeros(size);
          for (int i = 0; i < size; i++) {
            if (random.nextBoolean()) {
              bits = bits.with(i, true);
            }
          }
          pool.add(new Attestation(bits, data, Bytes.wrap(new byte[96])));
        }
      }
    }
  }

  @Benchmark
  public List<Attestation> pack() {
    return packer.pack(state, pool, maxAttestations);
  }
}
