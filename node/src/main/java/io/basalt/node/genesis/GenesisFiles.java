package io.basalt.node.genesis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.Address;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.config.SpecConfigException;
import io.basalt.consensus.signing.SigningHelpers;
import io.basalt.execution.state.Wei;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A chain's genesis on disk: {@code genesis.json} (preset, config overrides, roots, allocations;
 * see docs/operations.md) and {@code genesis.ssz} (the SSZ-encoded genesis beacon state).
 */
public final class GenesisFiles {

  public static final String JSON_FILE = "genesis.json";
  public static final String SSZ_FILE = "genesis.ssz";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private GenesisFiles() {}

  /** Writes {@code dir/genesis.json} and {@code dir/genesis.ssz}, creating {@code dir}. */
  public static void write(Path dir, NodeGenesis genesis) throws IOException {
    Files.createDirectories(dir);
    SpecConfig config = genesis.config();
    BeaconState state = genesis.state();
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("preset", config.presetBase());
    ObjectNode overrides = root.putObject("config");
    ConfigOverrides.diff(config).forEach(overrides::put);
    root.put("genesis_time", state.genesisTime().toString());
    root.put("genesis_validators_root", state.genesisValidatorsRoot().toHexString());
    root.put("state_root", state.hashTreeRoot().toHexString());
    root.put("validator_count", state.validators().size());
    root.put(
        "fork_digest",
        new SigningHelpers()
            .computeForkDigest(config.genesisForkVersion(), state.genesisValidatorsRoot())
            .toHexString());
    ObjectNode allocations = root.putObject("allocations");
    new TreeMap<>(genesis.allocations())
        .forEach(
            (address, wei) ->
                allocations.put(address.toHexString(), "0x" + wei.value().toString(16)));
    Files.writeString(dir.resolve(JSON_FILE), JSON.writeValueAsString(root) + "\n");
    Bytes ssz = new BeaconSchemas(config).beaconState().serialize(state);
    Files.write(dir.resolve(SSZ_FILE), ssz.toArrayUnsafe());
  }

  /** Reads DIR/genesis.json + DIR/genesis.ssz; GenesisException (one clear sentence) if bad. */
  public static NodeGenesis read(Path dir) throws GenesisException {
    Path jsonFile = dir.resolve(JSON_FILE);
    JsonNode root = parseJson(jsonFile);
    String preset = text(root, "preset", jsonFile);
    SpecConfig config;
    try {
      config = ConfigOverrides.apply(preset, configOverrides(root, jsonFile));
    } catch (SpecConfigException e) {
      throw new GenesisException(jsonFile + ": bad config: " + e.getMessage(), e);
    }
    Bytes32 stateRoot = root32(root, "state_root", jsonFile);
    Bytes32 validatorsRoot = root32(root, "genesis_validators_root", jsonFile);
    Map<Address, Wei> allocations = allocations(root, jsonFile);

    Path sszFile = dir.resolve(SSZ_FILE);
    BeaconState state = readState(sszFile, config);
    if (!state.hashTreeRoot().equals(stateRoot)) {
      throw new GenesisException(
          sszFile
              + " has state root "
              + state.hashTreeRoot()
              + " but "
              + JSON_FILE
              + " says "
              + stateRoot);
    }
    if (!state.genesisValidatorsRoot().equals(validatorsRoot)) {
      throw new GenesisException(
          jsonFile + ": genesis_validators_root does not match the state in " + SSZ_FILE);
    }
    String time = text(root, "genesis_time", jsonFile);
    if (!state.genesisTime().toString().equals(time)) {
      throw new GenesisException(
          jsonFile
              + ": genesis_time "
              + time
              + " does not match the state's "
              + state.genesisTime());
    }
    return new NodeGenesis(config, state, allocations);
  }

  private static JsonNode parseJson(Path jsonFile) throws GenesisException {
    String text;
    try {
      text = Files.readString(jsonFile, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new GenesisException(jsonFile + " does not exist; create it with 'basalt genesis'", e);
    } catch (IOException e) {
      throw new GenesisException("Cannot read " + jsonFile + ": " + e.getMessage(), e);
    }
    try {
      JsonNode root = JSON.readTree(text);
      if (root == null || !root.isObject()) {
        throw new GenesisException(jsonFile + " is not a JSON object");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new GenesisException(jsonFile + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static BeaconState readState(Path sszFile, SpecConfig config) throws GenesisException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(sszFile);
    } catch (NoSuchFileException e) {
      throw new GenesisException(sszFile + " does not exist", e);
    } catch (IOException e) {
      throw new GenesisException("Cannot read " + sszFile + ": " + e.getMessage(), e);
    }
    try {
      return new BeaconSchemas(config).beaconState().deserialize(Bytes.wrap(bytes));
    } catch (RuntimeException e) {
      // Any decoding failure (truncated, wrong config, garbage) is one message for the user.
      throw new GenesisException(
          sszFile + " is not a beacon state for this config: " + e.getMessage(), e);
    }
  }

  private static Map<String, String> configOverrides(JsonNode root, Path file)
      throws GenesisException {
    JsonNode node = root.get("config");
    Map<String, String> overrides = new LinkedHashMap<>();
    if (node == null) {
      return overrides;
    }
    if (!node.isObject()) {
      throw new GenesisException(file + ": field 'config' must be an object");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (!entry.getValue().isValueNode()) {
        throw new GenesisException(file + ": config." + entry.getKey() + " must be a value");
      }
      overrides.put(entry.getKey(), entry.getValue().asText());
    }
    return overrides;
  }

  private static Map<Address, Wei> allocations(JsonNode root, Path file) throws GenesisException {
    JsonNode node = root.get("allocations");
    Map<Address, Wei> allocations = new LinkedHashMap<>();
    if (node == null) {
      return allocations;
    }
    if (!node.isObject()) {
      throw new GenesisException(file + ": field 'allocations' must be an object");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      try {
        Address address = Address.fromHexString(entry.getKey());
        String value = entry.getValue().asText();
        if (!entry.getValue().isTextual() || !value.startsWith("0x")) {
          throw new IllegalArgumentException("balance must be a 0x-hex string of wei");
        }
        allocations.put(address, new Wei(new BigInteger(value.substring(2), 16)));
      } catch (IllegalArgumentException e) {
        throw new GenesisException(
            file + ": allocation '" + entry.getKey() + "' is bad: " + e.getMessage(), e);
      }
    }
    return allocations;
  }

  private static String text(JsonNode root, String field, Path file) throws GenesisException {
    JsonNode node = root.get(field);
    if (node == null || !node.isTextual()) {
      throw new GenesisException(
          file + ": field '" + field + "' is " + (node == null ? "missing" : "not a string"));
    }
    return node.textValue();
  }

  private static Bytes32 root32(JsonNode root, String field, Path file) throws GenesisException {
    String value = text(root, field, file);
    try {
      return Bytes32.fromHexString(value);
    } catch (IllegalArgumentException e) {
      throw new GenesisException(file + ": field '" + field + "' is not a 32-byte hex root", e);
    }
  }
}
