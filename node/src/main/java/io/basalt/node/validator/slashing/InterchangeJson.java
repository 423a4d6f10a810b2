package io.basalt.node.validator.slashing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.UInt64;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.bytes.Bytes48;

/**
 * Reads and writes EIP-3076 interchange JSON. Reading is strict about what it needs and says where
 * a problem is ({@code data[0].signed_blocks[2].slot: ...}) and lenient about what other clients
 * vary on: numbers may be quoted decimal strings (the standard) or plain JSON integers, signing
 * roots may be missing, unknown fields are ignored and a missing {@code signed_blocks} or {@code
 * signed_attestations} is empty. It checks form only; {@link InterchangeImporter} checks the
 * version and the chain. Writing produces the standard form: quoted decimals, 0x-prefixed hex.
 */
public final class InterchangeJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,20}");

  private InterchangeJson() {}

  /** Reads the file at {@code path}. */
  public static Interchange read(Path path) {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InterchangeException("Cannot read interchange file " + path + ": " + e, e);
    }
    return parse(text);
  }

  /**
   * Parses interchange JSON.
   *
   * @throws InterchangeException if it is not JSON or lacks or mistypes a field
   */
  public static Interchange parse(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InterchangeException(
          "The interchange file is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new InterchangeException("The interchange file must hold a JSON object");
    }
    JsonNode metadata = object(root, "metadata", "metadata");
    InterchangeMetadata meta =
        new InterchangeMetadata(
            version(field(metadata, "interchange_format_version", "metadata")),
            root32(
                field(metadata, "genesis_validators_root", "metadata"),
                "metadata.genesis_validators_root"));
    List<InterchangeData> data = list(root, "data", "", true, InterchangeJson::validator);
    return new Interchange(meta, data);
  }

  /** Writes {@code interchange} as indented JSON to {@code path}. */
  public static void write(Interchange interchange, Path path) throws IOException {
    Files.writeString(path, toJson(interchange), StandardCharsets.UTF_8);
  }

  /** {@code interchange} as indented JSON. */
  public static String toJson(Interchange interchange) {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode metadata = root.putObject("metadata");
    metadata.put(
        "interchange_format_version",
        Integer.toString(interchange.metadata().interchangeFormatVersion()));
    metadata.put(
        "genesis_validators_root", interchange.metadata().genesisValidatorsRoot().toHexString());
    ArrayNode data = root.putArray("data");
    for (InterchangeData validator : interchange.data()) {
      ObjectNode entry = data.addObject();
      entry.put("pubkey", validator.pubkey().toHexString());
      ArrayNode blocks = entry.putArray("signed_blocks");
      for (InterchangeBlock block : validator.signedBlocks()) {
        ObjectNode node = blocks.addObject().put("slot", block.slot().toString());
        block.signingRoot().ifPresent(r -> node.put("signing_root", r.toHexString()));
      }
      ArrayNode attestations = entry.putArray("signed_attestations");
      for (InterchangeAttestation attestation : validator.signedAttestations()) {
        ObjectNode node =
            attestations
                .addObject()
                .put("source_epoch", attestation.sourceEpoch().toString())
                .put("target_epoch", attestation.targetEpoch().toString());
        attestation.signingRoot().ifPresent(r -> node.put("signing_root", r.toHexString()));
      }
      if (!validator.signedShardBlocks().isEmpty()) {
        ArrayNode shardBlocks = entry.putArray("signed_shard_blocks");
        for (InterchangeShardBlock block : validator.signedShardBlocks()) {
          ObjectNode node =
              shardBlocks
                  .addObject()
                  .put("shard", Integer.toString(block.shard().id()))
                  .put("slot", block.slot().toString());
          block.signingRoot().ifPresent(r -> node.put("signing_root", r.toHexString()));
        }
      }
    }
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A JSON tree could not be written", e);
    }
  }

  private static InterchangeData validator(JsonNode node, String path) {
    requireObject(node, path);
    Bytes pubkey = hex(field(node, "pubkey", path), path + ".pubkey", Bytes48.SIZE);
    return new InterchangeData(
        Bytes48.wrap(pubkey),
        list(node, "signed_blocks", path, false, InterchangeJson::block),
        list(node, "signed_attestations", path, false, InterchangeJson::attestation),
        list(node, "signed_shard_blocks", path, false, InterchangeJson::shardBlock));
  }

  private static InterchangeBlock block(JsonNode node, String path) {
    requireObject(node, path);
    return new InterchangeBlock(
        number(field(node, "slot", path), path + ".slot"), signingRoot(node, path));
  }

  private static InterchangeAttestation attestation(JsonNode node, String path) {
    requireObject(node, path);
    return new InterchangeAttestation(
        number(field(node, "source_epoch", path), path + ".source_epoch"),
        number(field(node, "target_epoch", path), path + ".target_epoch"),
        signingRoot(node, path));
  }

  private static InterchangeShardBlock shardBlock(JsonNode node, String path) {
    requireObject(node, path);
    UInt64 shard = number(field(node, "shard", path), path + ".shard");
    if (shard.isGreaterThan(UInt64.valueOf(Integer.MAX_VALUE))) {
      throw invalid(path + ".shard", "shard number " + shard + " is too large");
    }
    return new InterchangeShardBlock(
        ShardId.of(shard.intValue()),
        number(field(node, "slot", path), path + ".slot"),
        signingRoot(node, path));
  }

  private static Optional<Bytes32> signingRoot(JsonNode node, String path) {
    JsonNode root = node.get("signing_root");
    if (root == null || root.isNull()) {
      return Optional.empty();
    }
    return Optional.of(root32(root, path + ".signing_root"));
  }

  private static <T> List<T> list(
      JsonNode parent,
      String name,
      String parentPath,
      boolean required,
      BiFunction<JsonNode, String, T> element) {
    String path = parentPath.isEmpty() ? name : parentPath + "." + name;
    JsonNode array = parent.get(name);
    if (array == null || array.isNull()) {
      if (required) {
        throw invalid(path, "the field is missing");
      }
      return List.of();
    }
    if (!array.isArray()) {
      throw invalid(path, "expected an array");
    }
    List<T> result = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      result.add(element.apply(array.get(i), path + "[" + i + "]"));
    }
    return result;
  }

  private static JsonNode object(JsonNode parent, String name, String path) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      throw invalid(path, "the field is missing");
    }
    requireObject(node, path);
    return node;
  }

  private static JsonNode field(JsonNode parent, String name, String parentPath) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      throw invalid(parentPath + "." + name, "the field is missing");
    }
    return node;
  }

  private static void requireObject(JsonNode node, String path) {
    if (!node.isObject()) {
      throw invalid(path, "expected an object");
    }
  }

  private static int version(JsonNode node) {
    UInt64 version = number(node, "metadata.interchange_format_version");
    return version.isGreaterThan(UInt64.valueOf(Integer.MAX_VALUE))
        ? Integer.MAX_VALUE
        : version.intValue();
  }

  private static UInt64 number(JsonNode node, String path) {
    if (node.isIntegralNumber()) {
      try {
        return UInt64.valueOf(node.bigIntegerValue());
      } catch (ArithmeticException e) {
        throw invalid(path, node + " is not an unsigned 64-bit number");
      }
    }
    if (!node.isTextual() || !DECIMAL.matcher(node.textValue()).matches()) {
      throw invalid(path, "expected a decimal number as a string, got " + node);
    }
    try {
      return UInt64.parse(node.textValue());
    } catch (NumberFormatException e) {
      throw invalid(path, node + " is not an unsigned 64-bit number");
    }
  }

  private static Bytes32 root32(JsonNode node, String path) {
    return Bytes32.wrap(hex(node, path, Bytes32.SIZE));
  }

  private static Bytes hex(JsonNode node, String path, int size) {
    String text = node.isTextual() ? node.textValue() : "";
    if (!text.matches("0x[0-9a-fA-F]{" + (2 * size) + "}")) {
      throw invalid(path, "expected " + size + " bytes as 0x-prefixed hex, got " + node);
    }
    return Bytes.fromHexString(text);
  }

  private static InterchangeException invalid(String path, String problem) {
    return new InterchangeException("Invalid interchange file at " + path + ": " + problem);
  }
}
