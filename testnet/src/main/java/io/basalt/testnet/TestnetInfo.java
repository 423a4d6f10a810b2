package io.basalt.testnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.basalt.common.types.ShardId;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.execution.contracts.SystemContracts;
import io.basalt.node.genesis.DevAccount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code <data-dir>/testnet.json}: everything a script needs to use the running testnet without
 * parsing logs. Written atomically (temporary file, then rename), so a reader never sees half.
 */
public final class TestnetInfo {

  public static final String FILE_NAME = "testnet.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private TestnetInfo() {}

  /** The system contracts by name, as the JSON file lists them. */
  public static Map<String, String> systemContracts() {
    Map<String, String> contracts = new LinkedHashMap<>();
    contracts.put("CrossShard", SystemContracts.CROSS_SHARD.toHexString());
    contracts.put("Staking", SystemContracts.STAKING.toHexString());
    contracts.put("Settlement", SystemContracts.SETTLEMENT.toHexString());
    return contracts;
  }

  /** The document for {@code nodes}, as a tree of maps and lists. */
  public static Map<String, Object> document(
      TestnetSpec spec,
      SpecConfig config,
      long genesisTime,
      List<NodeSetup> nodes,
      List<DevAccount> devAccounts,
      String mnemonic,
      Optional<Integer> controlPort) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("preset", spec.preset());
    doc.put("shardCount", config.shardCount());
    doc.put("validatorCount", spec.validators());
    doc.put("genesisTime", genesisTime);
    doc.put("secondsPerSlot", config.secondsPerSlot().longValue());
    doc.put("slotsPerEpoch", config.slotsPerEpoch());
    doc.put("basePort", spec.ports().base());
    controlPort.ifPresent(port -> doc.put("controlPort", port));
    Map<String, Long> chainIds = new LinkedHashMap<>();
    for (int shard = 0; shard < config.shardCount(); shard++) {
      chainIds.put(Integer.toString(shard), config.chainId(ShardId.of(shard)).longValue());
    }
    doc.put("chainIds", chainIds);
    doc.put("systemContracts", systemContracts());
    List<Map<String, Object>> nodeList = new ArrayList<>();
    for (NodeSetup node : nodes) {
      nodeList.add(node(node, config.shardCount()));
    }
    doc.put("nodes", nodeList);
    doc.put("mnemonic", mnemonic);
    List<Map<String, Object>> accounts = new ArrayList<>();
    for (DevAccount account : devAccounts) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("index", account.index());
      entry.put("address", account.address().toHexString());
      entry.put("privateKey", account.privateKey());
      accounts.add(entry);
    }
    doc.put("devAccounts", accounts);
    return doc;
  }

  private static Map<String, Object> node(NodeSetup node, int shards) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("index", node.index());
    entry.put("validators", node.hasValidators());
    entry.put("peerId", node.peerId().toString());
    entry.put("p2p", node.multiaddr());
    entry.put("rpc", node.rpcUrl());
    List<String> shardRpc = new ArrayList<>();
    for (int shard = 0; shard < shards; shard++) {
      shardRpc.add(node.shardRpcUrl(shard));
    }
    entry.put("shardRpc", shardRpc);
    entry.put("ws", node.wsUrl());
    entry.put("metrics", node.metricsUrl());
    entry.put("dataDir", node.dataDir().toString());
    entry.put("log", node.log().toString());
    return entry;
  }

  /** Writes {@code document} to {@code <dataDir>/testnet.json}. */
  public static void write(Path dataDir, Map<String, Object> document) throws IOException {
    Path temporary = dataDir.resolve(FILE_NAME + ".tmp");
    JSON.writeValue(temporary.toFile(), document);
    Files.move(
        temporary,
        dataDir.resolve(FILE_NAME),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Reads {@code <dataDir>/testnet.json}.
   *
   * @throws TestnetException if there is none or it is not JSON
   */
  public static JsonNode read(Path dataDir) throws TestnetException {
    Path file = dataDir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      throw new TestnetException(
          "no "
              + file
              + ": is a testnet running with this --data-dir? (start it with `basalt testnet`)");
    }
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new TestnetException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
