package io.basalt.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.beacon.datastructures.operations.SignedVoluntaryExit;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.UInt64;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.config.SpecConfigLoader;
import io.basalt.node.Node;
import io.basalt.node.chain.ChainEventBus;
import io.basalt.node.config.NodeOptions;
import io.basalt.node.genesis.DevAccount;
import io.basalt.node.genesis.DevAccounts;
import io.basalt.node.genesis.GenesisGenerator;
import io.basalt.node.genesis.GenesisRequest;
import io.basalt.node.rpc.beacon.ChainBeaconRpcData;
import io.basalt.node.rpc.node.NetworkNodeRpcData;
import io.basalt.node.rpc.shard.ChainCrossShardTransferData;
import io.basalt.node.rpc.subscription.SubscriptionKind;
import io.basalt.node.validator.keys.KdfStrength;
import io.basalt.node.validator.keys.KeystoreLoader;
import io.basalt.node.validator.keys.ValidatorKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One real node for a test class: a genesis written by the genesis generator (the code behind
 * {@code basalt genesis}) with one-second slots, 2 shards, 16 validators all held by this node and
 * funded dev accounts; RocksDB in a temp dir; p2p on a real socket. The node-wide methods are built
 * over it as {@link NodeWideRpc#create} builds them, with a recording exit publisher.
 */
final class LiveNode implements AutoCloseable {

  static final int VALIDATORS = 16;
  static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The local preset, faster: one-second slots; exits allowed at once (no waiting period), so a
   * test can exit a genesis validator.
   */
  static SpecConfig config() {
    return SpecConfigLoader.loadYaml(
        "local", "SECONDS_PER_SLOT: 1\nSHARD_COUNT: 2\nSHARD_COMMITTEE_PERIOD: 0\n");
  }

  final Path dir;
  final Node node;
  final ChainEventBus events = new ChainEventBus();
  final List<SignedVoluntaryExit> published = new CopyOnWriteArrayList<>();
  final Map<String, RpcMethod> methods;
  final Map<String, SubscriptionKind> kinds;
  final List<DevAccount> accounts;
  final List<ValidatorKey> keys;
  final RpcContext context = new RpcContext(ShardId.of(0));

  private LiveNode(Path dir, Node node, List<DevAccount> accounts, List<ValidatorKey> keys) {
    this.dir = dir;
    this.node = node;
    this.accounts = accounts;
    this.keys = keys;
    NodeWideRpc rpc =
        NodeWideRpc.create(
            new ChainBeaconRpcData(
                node.chain(),
                exit -> {
                  published.add(exit);
                  node.network().publishVoluntaryExit(exit);
                }),
            new NetworkNodeRpcData(node.chain(), node.network(), "basalt/test"),
            new ChainCrossShardTransferData(node.chain()),
            events);
    this.methods =
        rpc.methods().stream().collect(Collectors.toMap(RpcMethod::name, Function.identity()));
    this.kinds =
        rpc.subscriptionKinds().stream()
            .collect(Collectors.toMap(SubscriptionKind::name, Function.identity()));
  }

  static LiveNode start(Path dir) throws Exception {
    Path genesis = dir.resolve("genesis");
    GenesisGenerator.generate(
        new GenesisRequest(
            config(),
            DevAccounts.DEV_MNEMONIC,
            VALIDATORS,
            1,
            UInt64.valueOf(System.currentTimeMillis() / 1000 + 6),
            3,
            Map.of(),
            KdfStrength.LIGHT),
        genesis);
    Path nodeDir = GenesisGenerator.nodeDir(genesis, 0);
    Path keysDir = nodeDir.resolve(GenesisGenerator.KEYS_DIR);
    Path passwordsDir = nodeDir.resolve(GenesisGenerator.PASSWORDS_DIR);
    NodeOptions options =
        new NodeOptions(
            dir.resolve("data"),
            genesis,
            "127.0.0.1",
            0,
            List.of(),
            8,
            Optional.of(keysDir),
            Optional.of(passwordsDir),
            false,
            "rpc-test",
            false,
            "127.0.0.1",
            0,
            false,
            "127.0.0.1",
            0,
            List.of(),
            "INFO");
    Node node = Node.start(options);
    return new LiveNode(
        dir,
        node,
        DevAccounts.derive(DevAccounts.DEV_MNEMONIC, 3),
        KeystoreLoader.load(keysDir, passwordsDir));
  }

  /** A second node on the same genesis, without validators, dialling this one. */
  Node startPeer() throws Exception {
    String bootnode =
        node.network().listenAddresses().get(0) + "/p2p/" + node.network().peerId().toBase58();
    return Node.start(
        new NodeOptions(
            dir.resolve("peer-data"),
            dir.resolve("genesis"),
            "127.0.0.1",
            0,
            List.of(bootnode),
            8,
            Optional.empty(),
            Optional.empty(),
            false,
            "",
            false,
            "127.0.0.1",
            0,
            false,
            "127.0.0.1",
            0,
            List.of(),
            "INFO"));
  }

  /** Calls a method with {@code params} (turned into JSON as Jackson would) on shard 0. */
  Object call(String method, Object... params) throws RpcException {
    RpcMethod target = methods.get(method);
    if (target == null) {
      throw RpcException.methodNotFound(method);
    }
    return target.execute(context, RpcParams.of(JSON.valueToTree(List.of(params))));
  }

  /** {@link #call} with the result as JSON, as a client would read it. */
  JsonNode json(String method, Object... params) throws RpcException {
    return JSON.valueToTree(call(method, params));
  }

  /** The error a call fails with; fails the test if it succeeds. */
  RpcException error(String method, Object... params) {
    try {
      Object result = call(method, params);
      throw new AssertionError(method + " succeeded with " + result);
    } catch (RpcException e) {
      return e;
    }
  }

  /** Polls {@code probe} every 100 ms until it has a value. */
  static <T> T await(String what, Duration timeout, Supplier<Optional<T>> probe)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
      }
      Thread.sleep(100);
    }
  }

  void awaitHeadSlot(long slot, Duration timeout) throws InterruptedException {
    await(
        "head slot " + slot,
        timeout,
        () ->
            node.chain().status().headSlot().value().longValue() >= slot
                ? Optional.of(true)
                : Optional.empty());
  }

  BeaconState headState() {
    return node.chain().executor().call(() -> node.chain().beacon().headState());
  }

  /** Stops the node and deletes its directory. */
  @Override
  public void close() throws IOException {
    node.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
