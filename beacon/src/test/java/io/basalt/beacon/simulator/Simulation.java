package io.basalt.beacon.simulator;

import io.basalt.beacon.chain.imports.ImportedBlock;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.testing.InteropSigner;
import io.basalt.beacon.testing.TestStates;
import io.basalt.beacon.transition.EpochTransition;
import io.basalt.beacon.transition.epoch.EpochProcessor;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.types.Checkpoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A deterministic multi-node beacon chain: {@code N} {@link SimNode}s sharing {@code V} interop
 * validators (node {@code i} holds the {@code i}-th contiguous share), a {@link SimScheduler} clock
 * and a {@link SimNetwork}. All randomness (network delays and losses, batch-verification scalars)
 * comes from one seed, so the same seed and scenario give the same run, block for block.
 *
 * <p>Each slot: at its start, scenario hooks for the slot ({@link #at}), then every node's slot
 * tick, the proposer's duty and the {@link SimNodeExtension}'s slot start; at a third, the
 * attesters' duties; just before its end, every node's head and finalized checkpoint are recorded.
 * A scenario is code around {@link #runUntilSlot}: take validators offline, partition or heal the
 * network, make validators misbehave, then assert on the recorded history or the nodes' states.
 */
public final class Simulation {

  private final SpecConfig config;
  private final SimScheduler scheduler;
  private final SimNetwork network;
  private final List<SimNode> nodes = new ArrayList<>();
  private final List<ValidatorClient> clients = new ArrayList<>();
  private final Set<ValidatorIndex> offline = new HashSet<>();
  private final Map<Long, List<Runnable>> hooks = new HashMap<>();
  private final long genesisMillis;
  private final long slotMillis;
  private final ChainHistory history;
  private final SimNodeExtension extension;
  private long nextSlot = 1;

  private Simulation(Builder builder) {
    this.config = builder.config;
    this.extension = builder.extension;
    BeaconState genesis = builder.genesis;
    SplittableRandom random = new SplittableRandom(builder.seed);
    this.genesisMillis = genesis.genesisTime().longValue() * 1000;
    this.slotMillis = config.secondsPerSlot().longValue() * 1000;
    this.scheduler = new SimScheduler(genesisMillis);
    this.network =
        new SimNetwork(scheduler, random.split())
            .delay(builder.minDelayMillis, builder.maxDelayMillis)
            .loss(builder.loss);
    InteropSigner signer = new InteropSigner();
    SharedVerificationCache verified = new SharedVerificationCache(1 << 16);
    int validators = (int) genesis.validators().size();
    for (int i = 0; i < builder.nodeCount; i++) {
      SimNode node =
          new SimNode(
              config,
              genesis,
              builder.epochTransition,
              scheduler,
              network,
              random.nextLong(),
              verified,
              (id, imported) -> onImported(imported),
              extension);
      Set<ValidatorIndex> keys = new HashSet<>();
      for (int v = i * validators / builder.nodeCount;
          v < (i + 1) * validators / builder.nodeCount;
          v++) {
        keys.add(ValidatorIndex.of(v));
      }
      nodes.add(node);
      clients.add(new ValidatorClient(node, keys, v -> !offline.contains(v), signer, extension));
    }
    this.history = new ChainHistory(nodes.get(0).store().anchor(), nodes.size());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Runs every slot up to and including {@code lastSlot}. */
  public void runUntilSlot(long lastSlot) {
    for (; nextSlot <= lastSlot; nextSlot++) {
      long slot = nextSlot;
      long start = genesisMillis + slot * slotMillis;
      scheduler.at(start, () -> startSlot(slot));
      scheduler.at(start + slotMillis / 3, () -> clients.forEach(c -> c.attest(Slot.of(slot))));
      scheduler.at(start + slotMillis - 1, this::record);
    }
    scheduler.runUntil(genesisMillis + (lastSlot + 1) * slotMillis - 1);
  }

  /** Runs {@code epochs} more epochs (to the end of the last one). */
  public void runEpochs(long epochs) {
    long slotsPerEpoch = config.slotsPerEpoch();
    long lastSlot = (nextSlot / slotsPerEpoch + epochs) * slotsPerEpoch - 1;
    runUntilSlot(lastSlot);
  }

  /** Runs {@code action} at the start of {@code slot}, before the slot's duties. */
  public void at(long slot, Runnable action) {
    if (slot < nextSlot) {
      throw new IllegalArgumentException("Slot " + slot + " has already started");
    }
    hooks.computeIfAbsent(slot, s -> new ArrayList<>()).add(action);
  }

  private void startSlot(long slot) {
    hooks.getOrDefault(slot, List.of()).forEach(Runnable::run);
    hooks.remove(slot);
    nodes.forEach(n -> n.onSlotStart(Slot.of(slot)));
    clients.forEach(c -> c.propose(Slot.of(slot)));
    nodes.forEach(n -> extension.onSlotStart(n, Slot.of(slot)));
  }

  private void record() {
    history.record(nodes);
  }

  private void onImported(ImportedBlock imported) {
    history.onImported(imported);
  }

  /** Takes {@code validators} offline (no proposals, no votes) until {@link #setOnline}. */
  public void setOffline(Collection<ValidatorIndex> validators) {
    offline.addAll(validators);
  }

  public void setOnline(Collection<ValidatorIndex> validators) {
    offline.removeAll(validators);
  }

  /** The proposer of {@code slot}, whoever holds it, signs two different blocks. */
  public void equivocateAt(long slot) {
    clients.forEach(c -> c.equivocateAt(Slot.of(slot)));
  }

  /** The proposers that signed two blocks so far. */
  public List<ValidatorIndex> equivocatingProposers() {
    return clients.stream().flatMap(c -> c.equivocated().stream()).toList();
  }

  /** {@code validator} signs two different votes in its next attestation duty. */
  public void doubleVote(ValidatorIndex validator) {
    clientOf(validator).doubleVote(validator);
  }

  /** {@code validator} signs a voluntary exit now and its node gossips it. */
  public void voluntaryExit(ValidatorIndex validator) {
    clientOf(validator).exit(validator);
  }

  /** The id of the node whose validator client holds {@code validator}'s key. */
  public int nodeHolding(ValidatorIndex validator) {
    return findNodeHolding(validator)
        .orElseThrow(() -> new IllegalArgumentException("No node holds " + validator));
  }

  /**
   * The id of the node whose validator client holds {@code validator}'s key; empty for a validator
   * no node holds (one that joined after genesis by a deposit and stays offline).
   */
  public OptionalInt findNodeHolding(ValidatorIndex validator) {
    for (int i = 0; i < clients.size(); i++) {
      if (clients.get(i).holds(validator)) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  private ValidatorClient clientOf(ValidatorIndex validator) {
    return clients.stream()
        .filter(c -> c.holds(validator))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No node holds " + validator));
  }

  /**
   * Whether {@code ancestor} is {@code root} or one of its ancestors, over every block any node
   * imported.
   */
  public boolean isAncestor(Bytes32 ancestor, Bytes32 root) {
    return history.isAncestor(ancestor, root);
  }

  /**
   * Pairs of finalized checkpoints, over every node and every slot recorded, that are not on one
   * chain (the earlier one not an ancestor of the later one). Empty when finality was safe.
   */
  public List<List<Checkpoint>> conflictingFinalizedCheckpoints() {
    return history.conflictingFinalizedCheckpoints();
  }

  /** Every node's head at the end of each slot run so far (slot 1 first). */
  public List<List<Bytes32>> headHistory() {
    return history.heads();
  }

  /** The distinct finalized checkpoints {@code node} has had, in order. */
  public List<Checkpoint> finalizedHistory(int node) {
    return history.finalizedOf(node);
  }

  public List<SimNode> nodes() {
    return List.copyOf(nodes);
  }

  public SimNode node(int id) {
    return nodes.get(id);
  }

  public SimNetwork network() {
    return network;
  }

  public SpecConfig config() {
    return config;
  }

  /** The last slot run. */
  public long currentSlot() {
    return nextSlot - 1;
  }

  /** Blocks proposed by the honest duty (equivocating twins not counted), over all nodes. */
  public long blocksProposed() {
    return clients.stream().mapToLong(ValidatorClient::blocksProposed).sum();
  }

  /** Block productions the factory refused; honest runs have none. */
  public long productionFailures() {
    return clients.stream().mapToLong(ValidatorClient::productionFailures).sum();
  }

  /** Events the scheduler ran. */
  public long eventCount() {
    return scheduler.executedCount();
  }

  /** Settings of a simulation; defaults: local preset, 64-validator interop genesis, 4 nodes. */
  public static final class Builder {
    private SpecConfig config = TestStates.LOCAL;
    private BeaconState genesis;
    private EpochTransition epochTransition;
    private int nodeCount = 4;
    private long seed = 1;
    private long minDelayMillis = 20;
    private long maxDelayMillis = 200;
    private double loss;
    private SimNodeExtension extension = SimNodeExtension.NONE;

    private Builder() {}

    /**
     * What every node adds to the beacon duties (shard chains); default {@link
     * SimNodeExtension#NONE}.
     */
    public Builder extension(SimNodeExtension extension) {
      this.extension = Objects.requireNonNull(extension);
      return this;
    }

    /** The config and genesis state (built under that config). */
    public Builder genesis(SpecConfig config, BeaconState genesis) {
      this.config = Objects.requireNonNull(config);
      this.genesis = Objects.requireNonNull(genesis);
      return this;
    }

    public Builder nodes(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("node count " + count);
      }
      this.nodeCount = count;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Uniform message delay range, in milliseconds. */
    public Builder delay(long minMillis, long maxMillis) {
      this.minDelayMillis = minMillis;
      this.maxDelayMillis = maxMillis;
      return this;
    }

    /** Probability that any one message is lost. */
    public Builder loss(double probability) {
      this.loss = probability;
      return this;
    }

    public Simulation build() {
      if (genesis == null) {
        genesis = TestStates.genesis64();
        config = TestStates.LOCAL;
      }
      if (epochTransition == null) {
        epochTransition = new EpochProcessor(config);
      }
      return new Simulation(this);
    }
  }
}
