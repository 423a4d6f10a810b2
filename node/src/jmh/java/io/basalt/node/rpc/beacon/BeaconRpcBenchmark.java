package io.basalt.node.rpc.beacon;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.beacon.datastructures.operations.SignedVoluntaryExit;
import io.basalt.beacon.genesis.GenesisBuilder;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.config.SpecConfigLoader;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcParams;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes32;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The beacon methods' own cost (the handler work on the RPC thread, JSON tree included) over a
 * 2048-validator state; the chain-thread reads are out of the picture (a fixed state).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BeaconRpcBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final RpcContext CONTEXT = new RpcContext(ShardId.of(0));

  private BeaconGetValidators validators;
  private BeaconGetValidator validator;
  private BeaconGetCommittees committees;
  private RpcParams activePage;
  private RpcParams lastByPubkey;
  private RpcParams epochZero;

  @Setup
  public void setUp() throws RpcException {
    SpecConfig config = SpecConfigLoader.load("local");
    BeaconState state = GenesisBuilder.interop(config, 2048, UInt64.ZERO);
    BeaconRpcData data = new FixedState(config, state);
    validators = new BeaconGetValidators(data);
    validator = new BeaconGetValidator(data);
    committees = new BeaconGetCommittees(data, new BeaconStateAccessors(config));
    activePage =
        RpcParams.of(
            JSON.valueToTree(
                List.of(Map.of("statuses", List.of("active"), "offset", 1000, "limit", 100))));
    lastByPubkey =
        RpcParams.of(
            JSON.valueToTree(List.of(state.validators().get(2047).pubkey().toHexString())));
    epochZero = RpcParams.of(JSON.valueToTree(List.of("0")));
  }

  /** A page of 100 active validators from offset 1000, serialized. */
  @Benchmark
  public byte[] validatorsPage() throws Exception {
    return JSON.writeValueAsBytes(validators.execute(CONTEXT, activePage));
  }

  /** The last validator by public key: the worst case of the linear key scan. */
  @Benchmark
  public byte[] validatorByPubkey() throws Exception {
    return JSON.writeValueAsBytes(validator.execute(CONTEXT, lastByPubkey));
  }

  /** Every committee of an epoch (shuffling cached after the first call), serialized. */
  @Benchmark
  public byte[] committeesOfEpoch() throws Exception {
    return JSON.writeValueAsBytes(committees.execute(CONTEXT, epochZero));
  }

  /** A node whose chain stands still at one state. */
  private record FixedState(SpecConfig config, BeaconState state) implements BeaconRpcData {
    @Override
    public Head head() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Slot currentSlot() {
      return state.slot();
    }

    @Override
    public Optional<BeaconState> state(StateId id) {
      return Optional.of(state);
    }

    @Override
    public Optional<BlockAt> block(StateId id) {
      return Optional.empty();
    }

    @Override
    public Optional<BeaconState> stateAtSlot(Slot slot) {
      return Optional.of(state);
    }

    @Override
    public Optional<BlockRef> shardBlockAnchor(ShardId shard, Bytes32 shardBlockRoot) {
      return Optional.empty();
    }

    @Override
    public Optional<Bytes32> blockStateRoot(Bytes32 root) {
      return Optional.empty();
    }

    @Override
    public Optional<String> submitVoluntaryExit(SignedVoluntaryExit exit) {
      return Optional.of("read-only");
    }
  }
}
