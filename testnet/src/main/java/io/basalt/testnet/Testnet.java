package io.basalt.testnet;

import io.basalt.common.types.UInt64;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.config.SpecConfigException;
import io.basalt.consensus.config.SpecConfigLoader;
import io.basalt.execution.state.Wei;
import io.basalt.node.genesis.DevAccount;
import io.basalt.node.genesis.DevAccounts;
import io.basalt.node.genesis.GenesisGenerator;
import io.basalt.node.genesis.GenesisRequest;
import io.basalt.node.validator.keys.KdfStrength;
import io.basalt.testnet.process.NodeProcess;
import io.basalt.testnet.status.MetricsScraper;
import io.basalt.testnet.status.NodeStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local testnet of node processes on loopback: a fresh genesis in the data dir, every node's p2p
 * key made up front (so each node gets all the others as bootnodes: a full mesh), then nodes
 * started, stopped, killed, added and partitioned on request. {@link #close} stops every node; a
 * JVM shutdown hook does the same if the launcher exits without closing (Ctrl-C).
 *
 * <p>Thread-safe: the control endpoint, the stdin reader and the status view call it concurrently.
 */
public final class Testnet implements AutoCloseable {

  /** Balance of each account funded for the load generator, on every shard. */
  public static final Wei LOAD_ACCOUNT_BALANCE = Wei.ofEther(1_000);

  /** The development accounts printed and funded (m/44'/60'/0'/0/0..9). */
  public static final int DEV_ACCOUNTS = 10;

  private final TestnetSpec spec;
  private final SpecConfig config;
  private final DataDirLock lock;
  private final long genesisTime;
  private final List<DevAccount> devAccounts;
  private final List<DevAccount> loadAccounts;
  private final List<NodeSetup> setups = new CopyOnWriteArrayList<>();
  private final List<NodeProcess> processes = new CopyOnWriteArrayList<>();
  private final MetricsScraper scraper = new MetricsScraper();
  private final Thread shutdownHook = new Thread(this::closeQuietly, "testnet-shutdown");
  private Optional<Integer> controlPort = Optional.empty();
  private boolean closed;

  private Testnet(
      TestnetSpec spec,
      SpecConfig config,
      DataDirLock lock,
      long genesisTime,
      List<DevAccount> accounts) {
    this.spec = spec;
    this.config = config;
    this.lock = lock;
    this.genesisTime = genesisTime;
    this.devAccounts = List.copyOf(accounts.subList(0, DEV_ACCOUNTS));
    this.loadAccounts = List.copyOf(accounts.subList(DEV_ACCOUNTS, accounts.size()));
  }

  /**
   * Checks {@code spec} against the machine (sizes, the data dir lock, every port), then writes a
   * fresh genesis, the nodes' data dirs and keys, and {@code testnet.json}. Starts no process.
   *
   * @throws TestnetException with a one-line reason; nothing is left locked or running
   */
  public static Testnet create(TestnetSpec spec) throws TestnetException {
    SpecConfig config = loadConfig(spec);
    Preflight.checkSizes(spec, config);
    DataDirLock lock = DataDirLock.acquire(spec.dataDir());
    try {
      Preflight.checkPortsFree(spec.ports(), 0, spec.nodes());
      TestnetDataDir.clear(spec.dataDir());
      List<DevAccount> accounts =
          DevAccounts.derive(DevAccounts.DEV_MNEMONIC, DEV_ACCOUNTS + spec.loadAccounts());
      Map<io.basalt.common.types.Address, Wei> loadFunds = new LinkedHashMap<>();
      accounts
          .subList(DEV_ACCOUNTS, accounts.size())
          .forEach(a -> loadFunds.put(a.address(), LOAD_ACCOUNT_BALANCE));
      long genesisTime = System.currentTimeMillis() / 1000 + spec.genesisDelaySeconds();
      Path genesis = TestnetDataDir.genesisDir(spec.dataDir());
      GenesisGenerator.generate(
          new GenesisRequest(
              config,
              DevAccounts.DEV_MNEMONIC,
              spec.validators(),
              spec.nodes(),
              UInt64.valueOf(genesisTime),
              DEV_ACCOUNTS,
              loadFunds,
              KdfStrength.LIGHT),
          genesis);
      Testnet testnet = new Testnet(spec, config, lock, genesisTime, accounts);
      for (int k = 0; k < spec.nodes(); k++) {
        testnet.setups.add(testnet.setUp(k, true));
      }
      testnet.writeInfo();
      Runtime.getRuntime().addShutdownHook(testnet.shutdownHook);
      return testnet;
    } catch (TestnetException | RuntimeException e) {
      closeLock(lock);
      throw e;
    } catch (IOException e) {
      closeLock(lock);
      throw new TestnetException("cannot write the testnet to " + spec.dataDir() + ": " + e, e);
    }
  }

  private static SpecConfig loadConfig(TestnetSpec spec) throws TestnetException {
    if (!SpecConfigLoader.PRESETS.contains(spec.preset())) {
      throw new TestnetException(
          "unknown --preset '"
              + spec.preset()
              + "'; use one of "
              + String.join(", ", SpecConfigLoader.PRESETS));
    }
    if (spec.shards() < 1) {
      throw new TestnetException("--shards must be at least 1, got " + spec.shards());
    }
    try {
      return SpecConfigLoader.loadYaml(spec.preset(), "SHARD_COUNT: " + spec.shards() + "\n");
    } catch (SpecConfigException e) {
      throw new TestnetException("--shards " + spec.shards() + ": " + e.getMessage(), e);
    }
  }

  private NodeSetup setUp(int k, boolean validators) throws IOException {
    Path dataDir = TestnetDataDir.nodeDir(spec.dataDir(), k);
    Path keys = GenesisGenerator.nodeDir(TestnetDataDir.genesisDir(spec.dataDir()), k);
    NodeSetup setup =
        new NodeSetup(
            k,
            dataDir,
            spec.ports().rpc(k),
            spec.ports().p2p(k),
            spec.ports().metrics(k),
            NodeSetup.createIdentity(dataDir),
            validators ? Optional.of(keys.resolve(GenesisGenerator.KEYS_DIR)) : Optional.empty(),
            validators
                ? Optional.of(keys.resolve(GenesisGenerator.PASSWORDS_DIR))
                : Optional.empty());
    processes.add(new NodeProcess(spec.nodeHeap(), runArguments(setup), setup.log()));
    return setup;
  }

  private List<String> runArguments(NodeSetup node) {
    // Every validator node is every other node's bootnode: a full mesh, redialled after drops.
    List<String> bootnodes = new ArrayList<>();
    for (NodeSetup other : setups) {
      if (other.index() != node.index() && other.hasValidators()) {
        bootnodes.add(other.multiaddr());
      }
    }
    return NodeArguments.of(node, TestnetDataDir.genesisDir(spec.dataDir()), bootnodes);
  }

  /** Starts every node not yet running; on failure stops the ones it started. */
  public void startAll() throws TestnetException {
    for (int k = 0; k < processes.size(); k++) {
      if (!processes.get(k).isAlive()) {
        try {
          processes.get(k).start();
        } catch (IOException e) {
          closeQuietly();
          throw new TestnetException("cannot start node " + k + ": " + e.getMessage(), e);
        }
      }
    }
  }

  /** Starts node {@code k} again from its data dir. */
  public void start(int k) throws TestnetException {
    NodeProcess process = process(k);
    if (process.isAlive()) {
      throw new TestnetException("node " + k + " is already running");
    }
    Preflight.checkPortsFree(spec.ports(), k, k + 1);
    try {
      process.start();
    } catch (IOException e) {
      throw new TestnetException("cannot start node " + k + ": " + e.getMessage(), e);
    }
  }

  /** SIGTERM to node {@code k}, waiting for its clean stop; the exit code, if it was running. */
  public Optional<Integer> stop(int k) throws TestnetException, InterruptedException {
    return process(k).stop();
  }

  /** SIGKILL to node {@code k}: it stops mid-write, as on a power cut. */
  public void kill(int k) throws TestnetException, InterruptedException {
    process(k).kill();
  }

  /**
   * Adds and starts a node without validators, bootnoded to every validator node; it syncs from
   * genesis. Returns its index.
   */
  public synchronized int addNode() throws TestnetException {
    int k = setups.size();
    Preflight.checkPortsFree(spec.ports(), k, k + 1);
    try {
      NodeSetup setup = setUp(k, false);
      setups.add(setup);
      writeInfo();
      processes.get(k).start();
      return k;
    } catch (IOException e) {
      throw new TestnetException("cannot add node " + k + ": " + e.getMessage(), e);
    }
  }

  /**
   * Cuts the p2p links between {@code groups}: each node is told to deny the peers outside its
   * group (see {@link NodeSetup#denyPeersFile}); nodes close those connections within a second.
   */
  public synchronized Partition partition(List<Set<Integer>> groups) throws TestnetException {
    Partition partition = Partition.of(groups, setups.size());
    DenyFiles.apply(partition, setups);
    return partition;
  }

  /** Lifts any partition: every node allows every peer again and redials its bootnodes. */
  public synchronized void heal() throws TestnetException {
    DenyFiles.clear(setups);
  }

  /** Node {@code k}'s status from its metrics ({@link NodeStatus#DOWN} if it does not answer). */
  public NodeStatus status(int k) throws TestnetException {
    NodeSetup setup = node(k);
    if (!process(k).isAlive()) {
      return NodeStatus.DOWN;
    }
    return scraper.status(setup.metricsUrl(), config.shardCount());
  }

  /** Every node's status, by index. */
  public List<NodeStatus> statuses() throws TestnetException {
    List<NodeStatus> statuses = new ArrayList<>();
    for (int k = 0; k < setups.size(); k++) {
      statuses.add(status(k));
    }
    return statuses;
  }

  /** Records the control endpoint's port in {@code testnet.json}. */
  public synchronized void setControlPort(int port) throws TestnetException {
    controlPort = Optional.of(port);
    try {
      writeInfo();
    } catch (IOException e) {
      throw new TestnetException("cannot write testnet.json: " + e.getMessage(), e);
    }
  }

  private synchronized void writeInfo() throws IOException {
    TestnetInfo.write(
        spec.dataDir(),
        TestnetInfo.document(
            spec, config, genesisTime, setups, devAccounts, DevAccounts.DEV_MNEMONIC, controlPort));
  }

  public NodeSetup node(int k) throws TestnetException {
    if (k < 0 || k >= setups.size()) {
      throw new TestnetException(
          "no node " + k + "; this testnet has nodes 0.." + (setups.size() - 1));
    }
    return setups.get(k);
  }

  public boolean isRunning(int k) throws TestnetException {
    return process(k).isAlive();
  }

  /** The OS process ids of the running nodes. */
  public List<Long> pids() {
    return processes.stream().flatMap(p -> p.pid().stream()).toList();
  }

  private NodeProcess process(int k) throws TestnetException {
    node(k);
    return processes.get(k);
  }

  public List<NodeSetup> nodes() {
    return List.copyOf(setups);
  }

  public TestnetSpec spec() {
    return spec;
  }

  public SpecConfig config() {
    return config;
  }

  public long genesisTime() {
    return genesisTime;
  }

  public Path genesisDir() {
    return TestnetDataDir.genesisDir(spec.dataDir());
  }

  public List<DevAccount> devAccounts() {
    return devAccounts;
  }

  /** The accounts funded for the load generator (dev mnemonic indices 10 and up). */
  public List<DevAccount> loadAccounts() {
    return loadAccounts;
  }

  /** Stops every node (SIGTERM to all, then waits for each) and releases the data dir. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // Already shutting down: this is the hook running.
    }
    processes.forEach(NodeProcess::terminate);
    try {
      for (NodeProcess process : processes) {
        process.stop();
      }
    } catch (InterruptedException e) {
      processes.forEach(
          p -> {
            try {
              p.kill();
            } catch (InterruptedException again) {
              Thread.currentThread().interrupt();
            }
          });
      Thread.currentThread().interrupt();
    } finally {
      closeLock(lock);
    }
  }

  private void closeQuietly() {
    close();
  }

  private static void closeLock(DataDirLock lock) {
    try {
      lock.close();
    } catch (IOException e) {
      // The OS drops the lock with the process anyway.
    }
  }
}
