package io.basalt.node.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A YAML config file for {@code basalt run}: a flat mapping from option names without dashes to
 * values, e.g. {@code p2p-port: 9001}. A list option takes a YAML list or a comma-separated string.
 *
 * <p>Values come back as the strings picocli would have read on the command line (lists joined with
 * commas), so that one conversion and validation path serves flags, env and file alike.
 */
public final class ConfigFile {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ConfigFile() {}

  /**
   * Reads {@code file}; every key must be in {@code knownKeys}.
   *
   * @throws ConfigException naming the file and, where it applies, the key
   */
  public static Map<String, String> load(Path file, Set<String> knownKeys) throws ConfigException {
    if (!Files.isRegularFile(file)) {
      throw ConfigException.forFile(file.toString(), "no such file", null);
    }
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (JacksonException e) {
      throw ConfigException.forFile(
          file.toString(), "not valid YAML: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw ConfigException.forFile(file.toString(), "cannot be read: " + e.getMessage(), e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return Map.of();
    }
    if (!root.isObject()) {
      throw ConfigException.forFile(file.toString(), "must be a mapping of option: value", null);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String key = entry.getKey();
      if (!knownKeys.contains(key)) {
        throw ConfigException.forFile(
            file.toString(),
            "unknown key '"
                + key
                + "' (known keys: "
                + String.join(", ", new TreeSet<>(knownKeys))
                + ")",
            null);
      }
      values.put(key, valueOf(file, key, entry.getValue()));
    }
    return Map.copyOf(values);
  }

  private static String valueOf(Path file, String key, JsonNode node) throws ConfigException {
    if (node.isValueNode() && !node.isNull()) {
      return node.asText();
    }
    if (node.isArray()) {
      List<String> items = new ArrayList<>();
      for (JsonNode item : node) {
        if (!item.isValueNode() || item.isNull() || item.asText().contains(",")) {
          throw ConfigException.forFile(
              file.toString(),
              "key '" + key + "': list items must be plain values without commas",
              null);
        }
        items.add(item.asText());
      }
      return String.join(",", items);
    }
    throw ConfigException.forFile(
        file.toString(), "key '" + key + "' must have a value or a list of values", null);
  }
}
