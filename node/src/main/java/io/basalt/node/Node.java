package io.basalt.node;

import io.basalt.beacon.chain.imports.ImportedBlock;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.signing.SigningHelpers;
import io.basalt.consensus.types.Attestation;
import io.basalt.consensus.types.Bytes4;
import io.basalt.execution.trie.KvNodeStore;
import io.basalt.networking.identity.PeerId;
import io.basalt.networking.multiaddr.Multiaddr;
import io.basalt.node.beacon.BeaconService;
import io.basalt.node.chain.ChainData;
import io.basalt.node.chain.ChainExecutor;
import io.basalt.node.chain.ChainGossip;
import io.basalt.node.chain.InProcessBeaconNodeApi;
import io.basalt.node.chain.NodeChain;
import io.basalt.node.config.NodeOptions;
import io.basalt.node.genesis.GenesisFiles;
import io.basalt.node.genesis.NodeGenesis;
import io.basalt.node.metrics.MetricsServer;
import io.basalt.node.metrics.NodeMetrics;
import io.basalt.node.p2p.P2PConfig;
import io.basalt.node.p2p.P2PNetwork;
import io.basalt.node.p2p.SszCodecs;
import io.basalt.node.p2p.StoredPeerStore;
import io.basalt.node.rpc.NodeWideRpc;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.eth.EthMethods;
import io.basalt.node.rpc.eth.FilterManager;
import io.basalt.node.rpc.eth.ShardRpcData;
import io.basalt.node.rpc.eth.data.NodeShardRpcData;
import io.basalt.node.rpc.server.HealthCheck;
import io.basalt.node.rpc.server.RpcServer;
import io.basalt.node.rpc.server.RpcServerConfig;
import io.basalt.node.rpc.settle.NodeSettlementRpcData;
import io.basalt.node.rpc.settle.SettleMethods;
import io.basalt.node.rpc.settle.SettleProofMethods;
import io.basalt.node.rpc.settle.SettlementRpcData;
import io.basalt.node.rpc.subscription.SubscriptionKind;
import io.basalt.node.shard.ShardService;
import io.basalt.node.validator.ValidatorClient;
import io.basalt.node.validator.doppelganger.DoppelgangerConfig;
import io.basalt.node.validator.keys.KeystoreLoader;
import io.basalt.node.validator.keys.ValidatorKey;
import io.basalt.node.validator.slashing.KvSlashingProtection;
import io.basalt.shard.chain.ShardChain;
import io.basalt.shard.datastructures.ShardSchemas;
import io.basalt.shard.state.ShardGenesis;
import io.basalt.shard.state.ShardState;
import io.basalt.shard.transition.ShardBlockResult;
import io.basalt.shard.transition.ShardProtocol;
import io.basalt.storage.KvStore;
import io.basalt.storage.rocksdb.RocksDbConfig;
import io.basalt.storage.rocksdb.RocksDbKvStore;
import io.basalt.storage.schema.BasaltSchema;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running node: its database, chains on the chain thread, p2p network, validator client, slot
 * timer and metrics server, started in that order and stopped in reverse (the database last, after
 * every writer stopped, so a stopped node restarts exactly where it was).
 */
public final class Node implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Node.class);
  private static final String CLIENT_VERSION = "basalt/v0.1.0/java-" + Runtime.version().feature();

  private final List<AutoCloseable> resources = new ArrayList<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private NodeChain<PeerId> chain;
  private P2PNetwork network;
  private Optional<ValidatorClient> validatorClient = Optional.empty();
  private SlotTimer timer;
  private MetricsServer metricsServer;
  private RpcServer rpcServer;
  private volatile boolean closed;

  private Node() {}

  /** Starts a node as {@code options} say; on failure whatever started is stopped again. */
  public static Node start(NodeOptions options) throws Exception {
    Node node = new Node();
    try {
      node.startAll(options);
      return node;
    } catch (Exception | Error e) {
      node.close();
      throw e;
    }
  }

  private void startAll(NodeOptions options) throws Exception {
    NodeGenesis genesis = GenesisFiles.read(options.genesisDir());
    SpecConfig config = genesis.config();
    BeaconState genesisState = genesis.state();
    Bytes32 genesisValidatorsRoot = genesisState.genesisValidatorsRoot();
    Bytes4 forkDigest =
        new SigningHelpers().computeForkDigest(config.genesisForkVersion(), genesisValidatorsRoot);

    NodeMetrics metrics = new NodeMetrics();
    if (options.metricsEnabled()) {
      metricsServer =
          new MetricsServer(metrics.registry(), options.metricsHost(), options.metricsPort());
      metricsServer.start();
      resources.add(metricsServer);
      LOG.info("Metrics on http://{}:{}/metrics", options.metricsHost(), metricsServer.port());
    }

    KvStore kv =
        RocksDbKvStore.open(
            options.dataDir().resolve("chain"), RocksDbConfig.defaults(), BasaltSchema.SCHEMA);
    resources.add(kv);
    NodeIdentity identity = NodeIdentity.loadOrCreate(options.dataDir().resolve("p2p"));
    PeerId self = identity.peerId();

    ChainExecutor executor = new ChainExecutor();
    resources.add(executor);
    BeaconSchemas beaconSchemas = genesisState.schemas();
    ShardProtocol protocol = ShardProtocol.create(config, beaconSchemas);
    ForwardingListener listener = new ForwardingListener(metrics);
    AtomicLongArray transactions = new AtomicLongArray(config.shardCount());
    List<ShardState> shardGenesisStates = new ArrayList<>();
    chain =
        executor.call(
            () -> {
              BeaconService<PeerId> beacon =
                  BeaconService.open(
                      config,
                      beaconSchemas,
                      genesisState,
                      kv,
                      self,
                      Clock.systemUTC()::millis,
                      executor::after,
                      (peer, root) -> listener.requestParent(peer, root),
                      executor.owner(),
                      listener);
              Bytes32 beaconGenesisRoot = beacon.store().genesisRoot();
              List<ShardChain> chains = new ArrayList<>();
              for (int shard = 0; shard < config.shardCount(); shard++) {
                ShardState shardGenesis =
                    ShardGenesis.create(
                        protocol.schemas(),
                        ShardId.of(shard),
                        genesis.allocations(),
                        beaconGenesisRoot,
                        new KvNodeStore(kv));
                shardGenesisStates.add(shardGenesis);
                chains.add(
                    ShardChain.open(ShardId.of(shard), shardGenesis, kv, protocol.transition()));
              }
              ShardService<PeerId> shards =
                  new ShardService<>(
                      beacon,
                      protocol,
                      chains,
                      self,
                      (peer, shard, root) -> listener.requestShardBlock(peer, root),
                      (s, r) -> {
                        transactions.addAndGet(s.id(), r.body().transactions().size());
                        listener.onShardImported(s, r);
                      });
              return new NodeChain<>(executor, beacon, shards, self);
            });
    listener.bind(chain);
    LOG.info(
        "Chain loaded: head {} at slot {}, finalized epoch {}",
        chain.status().headRoot(),
        chain.status().headSlot(),
        chain.status().finalized().epoch());

    List<Multiaddr> bootnodes = options.bootnodes().stream().map(Multiaddr::parse).toList();
    ChainData data = new ChainData(chain, forkDigest);
    network =
        P2PNetwork.start(
            new P2PConfig(
                options.p2pHost(),
                options.p2pPort(),
                bootnodes,
                options.maxPeers(),
                identity.privateKey(),
                forkDigest,
                config.shardCount(),
                config.shardCount()),
            new SszCodecs(beaconSchemas, new ShardSchemas(config)),
            new ChainGossip(chain, metrics::observeBlockImport),
            data,
            data,
            StoredPeerStore.load(kv, options.maxPeers()),
            new MetricsP2PListener(metrics),
            Clock.systemUTC());
    resources.add(network);
    resources.add(PeerDenyFile.start(options.dataDir().resolve("p2p"), network));
    listener.bindNetwork(network);
    chain.setPublisher(new NetworkPublisher(network));
    for (Multiaddr address : network.listenAddresses()) {
      LOG.info("P2P listening on {}/p2p/{}", address, self);
    }

    if (options.rpcEnabled()) {
      startRpc(options, protocol, shardGenesisStates);
    }

    if (options.validatorKeysDir().isPresent()) {
      List<ValidatorKey> keys =
          KeystoreLoader.load(
              options.validatorKeysDir().get(), options.validatorPasswordsDir().orElseThrow());
      KvSlashingProtection protection =
          KvSlashingProtection.open(
              KvSlashingProtection.databaseDirectory(options.dataDir()), genesisValidatorsRoot);
      resources.add(protection);
      validatorClient =
          Optional.of(
              new ValidatorClient(
                  new InProcessBeaconNodeApi(
                      chain,
                      genesisValidatorsRoot,
                      network::isBeaconSyncing,
                      network::isShardSyncing),
                  keys,
                  protection,
                  options.doppelgangerDetection()
                      ? DoppelgangerConfig.enabledByDefault()
                      : DoppelgangerConfig.DISABLED,
                  graffiti(options.graffiti()),
                  new MetricsValidatorListener(metrics)));
      LOG.info("Validator client with {} keys", keys.size());
    }

    timer =
        new SlotTimer(
            config,
            chain.beacon().store().genesisTime().longValue(),
            chain,
            validatorClient,
            new StatusReporter(chain, network, metrics, transactions),
            this::stopOnDoppelganger);
    resources.add(timer);
    timer.start();
  }

  /** The JSON-RPC server, closed before the network and the chain (it reads both). */
  private void startRpc(NodeOptions options, ShardProtocol protocol, List<ShardState> genesis)
      throws Exception {
    ExecutorService events =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "basalt-rpc-events");
              t.setDaemon(true);
              return t;
            });
    resources.add(events::shutdownNow);
    P2PNetwork net = network;
    ShardRpcData data =
        new NodeShardRpcData(
            chain,
            protocol,
            genesis,
            net::publishShardTransaction,
            net::peerCount,
            net::isSyncing,
            CLIENT_VERSION);
    FilterManager filters = new FilterManager(data, System::currentTimeMillis);
    NodeWideRpc nodeWide = NodeWideRpc.create(chain, net, chain.events(), CLIENT_VERSION);
    List<RpcMethod> nodeMethods = new ArrayList<>(EthMethods.shardNodeMethods(data));
    nodeMethods.addAll(nodeWide.methods());
    SettlementRpcData settlement = new NodeSettlementRpcData(chain, genesis, data);
    List<RpcMethod> shardMethods = new ArrayList<>(EthMethods.shardMethods(data, filters));
    shardMethods.addAll(SettleMethods.shardMethods(settlement));
    shardMethods.addAll(SettleProofMethods.methods(chain));
    List<SubscriptionKind> kinds = new ArrayList<>(EthMethods.subscriptionKinds(data, events));
    kinds.addAll(SettleMethods.subscriptionKinds(settlement, events));
    kinds.addAll(nodeWide.subscriptionKinds());
    rpcServer =
        RpcServer.start(
            RpcServerConfig.of(
                options.rpcHost(), options.rpcPort(), options.rpcCors(), data.shardCount()),
            shardMethods,
            nodeMethods,
            kinds,
            this::health);
    resources.add(rpcServer);
    LOG.info("JSON-RPC on http://{}:{}", options.rpcHost(), rpcServer.port());
  }

  private HealthCheck.Health health() {
    if (closed || timer == null) {
      return HealthCheck.Health.NOT_READY;
    }
    return network.isSyncing() ? HealthCheck.Health.SYNCING : HealthCheck.Health.SYNCED;
  }

  /** The JSON-RPC server, if enabled. */
  public Optional<RpcServer> rpcServer() {
    return Optional.ofNullable(rpcServer);
  }

  private void stopOnDoppelganger(String reason) {
    LOG.error("Stopping: {}", reason);
    close();
  }

  private static Bytes32 graffiti(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return Bytes32.rightPad(Bytes.wrap(bytes));
  }

  public NodeChain<PeerId> chain() {
    return chain;
  }

  public P2PNetwork network() {
    return network;
  }

  /** Waits until the node is closed. */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /** Stops everything in reverse order of start; the database is closed last. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (AutoCloseable resource : resources.reversed()) {
      try {
        resource.close();
      } catch (Exception e) {
        LOG.warn("Error while stopping {}", resource, e);
      }
    }
    LOG.info("Node stopped");
    stopped.countDown();
  }

  /** Forwards the beacon service's events to the parts built after it. */
  private static final class ForwardingListener implements BeaconService.Listener {
    private final NodeMetrics metrics;
    private volatile NodeChain<PeerId> chain;
    private volatile P2PNetwork network;

    ForwardingListener(NodeMetrics metrics) {
      this.metrics = metrics;
    }

    void bind(NodeChain<PeerId> chain) {
      this.chain = chain;
    }

    void bindNetwork(P2PNetwork network) {
      this.network = network;
    }

    void requestParent(PeerId peer, Bytes32 root) {
      fetch(
          net -> net.requestBeaconBlocksByRoot(peer, List.of(root)),
          (c, block) -> c.beacon().onBlock(peer, block));
    }

    void requestShardBlock(PeerId peer, Bytes32 root) {
      fetch(
          net -> net.requestShardBlocksByRoot(peer, List.of(root)),
          (c, block) -> c.shards().onBlock(peer, block));
    }

    /** Sends a request once the network is up; each block it brings is handled on the chain. */
    private <B> void fetch(
        Function<P2PNetwork, CompletableFuture<List<B>>> request,
        BiConsumer<NodeChain<PeerId>, B> handle) {
      P2PNetwork net = network;
      NodeChain<PeerId> c = chain;
      if (net == null || c == null) {
        return;
      }
      request
          .apply(net)
          .thenAccept(
              blocks ->
                  blocks.forEach(block -> c.executor().execute(() -> handle.accept(c, block))));
    }

    void onShardImported(ShardId shard, ShardBlockResult result) {
      NodeChain<PeerId> c = chain;
      if (c != null) {
        c.eventSource().onShardImported(shard, result);
      }
    }

    @Override
    public void onBlockImported(ImportedBlock imported) {
      NodeChain<PeerId> c = chain;
      if (c != null) {
        c.onBlockImported(imported);
      }
    }

    @Override
    public void onAttestation(Attestation attestation, List<ValidatorIndex> attesters) {
      NodeChain<PeerId> c = chain;
      if (c != null) {
        c.shards().onAttestation(attestation, attesters);
      }
    }
  }
}
