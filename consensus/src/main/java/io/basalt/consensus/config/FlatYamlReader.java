package io.basalt.consensus.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a YAML document that is one flat mapping of {@code KEY: scalar} into the scalars' source
 * text. The text is kept as written (rather than as YAML's typed value) so that {@code 0x00000001}
 * keeps its length and the value types are decided by {@link ValueType}, not by YAML 1.1 rules.
 */
final class FlatYamlReader {

  private static final YAMLFactory YAML = new YAMLFactory();

  private FlatYamlReader() {}

  /**
   * @param source names the document in error messages (a file path or "preset local")
   * @return the entries in document order; empty for an empty document
   * @throws SpecConfigException for invalid YAML, a non-mapping document, a nested or empty value
   *     or a duplicate key
   */
  static Map<String, String> read(String yaml, String source) {
    Map<String, String> entries = new LinkedHashMap<>();
    try (JsonParser parser = YAML.createParser(yaml)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return entries;
      }
      if (first != JsonToken.START_OBJECT) {
        throw new SpecConfigException(
            null, source + ": expected a mapping of KEY: value lines at the top level");
      }
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        JsonToken value = parser.nextToken();
        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
          throw new SpecConfigException(key, source + ": " + key + " must be a single value");
        }
        if (value == JsonToken.VALUE_NULL) {
          throw new SpecConfigException(key, source + ": " + key + " has no value");
        }
        if (entries.putIfAbsent(key, parser.getText()) != null) {
          throw new SpecConfigException(key, source + ": " + key + " is set twice");
        }
      }
      if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
        throw new SpecConfigException(null, source + ": expected a single YAML document");
      }
      return entries;
    } catch (JsonProcessingException e) {
      throw new SpecConfigException(
          source + ": not valid YAML: " + firstLine(e.getOriginalMessage()), e);
    } catch (IOException e) {
      throw new SpecConfigException(source + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }
}
