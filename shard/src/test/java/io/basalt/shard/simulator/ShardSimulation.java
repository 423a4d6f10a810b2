package io.basalt.shard.simulator;

import io.basalt.beacon.chain.imports.ImportedBlock;
import io.basalt.beacon.datastructures.shard.Crosslink;
import io.basalt.beacon.datastructures.shard.SignedShardBlockHeader;
import io.basalt.beacon.datastructures.shard.StakingReceiptProof;
import io.basalt.beacon.genesis.GenesisBuilder;
import io.basalt.beacon.simulator.SimNode;
import io.basalt.beacon.simulator.SimNodeExtension;
import io.basalt.beacon.simulator.Simulation;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.testing.TestStates;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.types.Attestation;
import io.basalt.shard.transition.ShardProtocol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The beacon {@link Simulation} with shard chains on every node (a {@link ShardNode} each, through
 * the simulator's {@link SimNodeExtension}), and a {@link TransactionWorkload} whose users submit
 * transfers and cross-shard transfers every slot. Local preset (4 shards) unless configured
 * otherwise, 64-validator interop genesis; deterministic by seed, as the beacon simulation is.
 */
final class ShardSimulation {

  private final Simulation beacon;
  private final ShardProtocol protocol;
  private final TransactionWorkload workload;
  private final List<ShardNode> nodes = new ArrayList<>();
  private final int transactionsPerShardAndSlot;
  private final double crossShardShare;
  private final Map<Bytes32, List<Crosslink>> crosslinksByBeaconBlock = new LinkedHashMap<>();

  private ShardSimulation(Builder builder) {
    BeaconState genesis =
        builder.config == TestStates.LOCAL
            ? TestStates.genesis64()
            : GenesisBuilder.interop(builder.config, 64, TestStates.GENESIS_TIME);
    this.protocol = ShardProtocol.create(builder.config, genesis.schemas());
    this.workload = new TransactionWorkload(builder.config, builder.accounts, builder.seed);
    this.transactionsPerShardAndSlot = builder.transactionsPerShardAndSlot;
    this.crossShardShare = builder.crossShardShare;
    this.beacon =
        Simulation.builder()
            .genesis(builder.config, genesis)
            .nodes(builder.nodes)
            .seed(builder.seed)
            .extension(new Extension())
            .build();
    ValidatorKeys keys = new ValidatorKeys(protocol.config(), protocol.accessors());
    for (SimNode node : beacon.nodes()) {
      nodes.add(
          new ShardNode(
              node,
              protocol,
              workload,
              keys,
              // -1, no node, for a validator that joined by deposit: no one proposes for it
              v -> beacon.findNodeHolding(ValidatorIndex.of(v)).orElse(-1)));
    }
  }

  static Builder builder() {
    return new Builder();
  }

  /** The simulator's hooks, forwarded to each node's {@link ShardNode}. */
  private final class Extension implements SimNodeExtension {

    @Override
    public void onSlotStart(SimNode node, Slot slot) {
      if (node.id() == 0) {
        workload.submit(transactionsPerShardAndSlot, crossShardShare);
      }
      nodes.get(node.id()).onSlotStart(slot);
    }

    @Override
    public Bytes32 shardHeadRoot(SimNode node, ShardId shard, Slot slot) {
      return nodes.get(node.id()).shardHeadRoot(shard, slot);
    }

    @Override
    public List<SignedShardBlockHeader> shardHeaders(
        SimNode node, Slot slot, BeaconState preState) {
      return nodes.get(node.id()).shardHeaders(slot, preState);
    }

    @Override
    public List<StakingReceiptProof> stakingReceipts(
        SimNode node, Slot slot, BeaconState preState) {
      return nodes.get(node.id()).stakingReceipts(preState);
    }

    @Override
    public void onAttestation(
        SimNode node, Attestation attestation, List<ValidatorIndex> attesters) {
      nodes.get(node.id()).onAttestation(attestation, attesters);
    }

    @Override
    public void onBlockImported(SimNode node, ImportedBlock imported) {
      crosslinksByBeaconBlock.computeIfAbsent(
          imported.root(), r -> imported.postState().latestCrosslinks().toList());
      if (node.id() < nodes.size()) { // imports during construction precede the shard nodes
        nodes.get(node.id()).onBeaconBlockImported();
      }
    }

    @Override
    public void onMessage(SimNode node, int from, Object payload) {
      nodes.get(node.id()).onMessage(from, payload);
    }
  }

  void runEpochs(long epochs) {
    beacon.runEpochs(epochs);
  }

  void runUntilSlot(long slot) {
    beacon.runUntilSlot(slot);
  }

  Simulation beacon() {
    return beacon;
  }

  ShardProtocol protocol() {
    return protocol;
  }

  TransactionWorkload workload() {
    return workload;
  }

  List<ShardNode> nodes() {
    return List.copyOf(nodes);
  }

  ShardNode node(int id) {
    return nodes.get(id);
  }

  int shardCount() {
    return protocol.config().shardCount();
  }

  /** Every imported beacon block (over all nodes) and the crosslinks of its post-state. */
  Map<Bytes32, List<Crosslink>> crosslinksByBeaconBlock() {
    return Map.copyOf(crosslinksByBeaconBlock);
  }

  long shardBlocksProduced() {
    return nodes.stream().mapToLong(ShardNode::produced).sum();
  }

  long shardProductionFailures() {
    return nodes.stream().mapToLong(ShardNode::productionFailures).sum();
  }

  static final class Builder {
    private SpecConfig config = TestStates.LOCAL;
    private int nodes = 4;
    private long seed = 1;
    private int accounts = 8;
    private int transactionsPerShardAndSlot = 4;
    private double crossShardShare = 0.5;

    private Builder() {}

    /** The spec configuration (default the local preset); genesis has 64 interop validators. */
    Builder config(SpecConfig config) {
      this.config = config;
      return this;
    }

    Builder nodes(int nodes) {
      this.nodes = nodes;
      return this;
    }

    Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    Builder accounts(int accounts) {
      this.accounts = accounts;
      return this;
    }

    /** Transactions submitted per shard at each slot start, and the cross-shard share of them. */
    Builder workload(int perShardAndSlot, double crossShardShare) {
      this.transactionsPerShardAndSlot = perShardAndSlot;
      this.crossShardShare = crossShardShare;
      return this;
    }

    ShardSimulation build() {
      return new ShardSimulation(this);
    }
  }
}
