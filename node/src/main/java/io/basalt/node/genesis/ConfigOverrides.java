package io.basalt.node.genesis;

import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.config.SpecConfigLoader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A {@link SpecConfig} as its preset plus the values that differ from it, keyed by the spec's
 * UPPER_SNAKE names: the form genesis.json stores, read back through {@link SpecConfigLoader} so
 * the same checks apply.
 */
final class ConfigOverrides {

  private ConfigOverrides() {}

  /** Every value of {@code config} that differs from its preset, as loader-readable text. */
  static Map<String, String> diff(SpecConfig config) {
    SpecConfig preset = SpecConfigLoader.load(config.presetBase());
    Map<String, String> overrides = new TreeMap<>();
    for (RecordComponent component : SpecConfig.class.getRecordComponents()) {
      if (component.getName().equals("presetBase")) {
        continue;
      }
      Object value = value(component, config);
      if (!Objects.equals(value, value(component, preset))) {
        // Every value type prints in the form the loader parses: decimal or 0x-hex.
        overrides.put(upperSnake(component.getName()), value.toString());
      }
    }
    return overrides;
  }

  /** The preset with {@code overrides} applied (SpecConfigException if a value is bad). */
  static SpecConfig apply(String preset, Map<String, String> overrides) {
    StringBuilder yaml = new StringBuilder();
    overrides.forEach((key, value) -> yaml.append(key).append(": ").append(value).append('\n'));
    return SpecConfigLoader.loadYaml(preset, yaml.toString());
  }

  /** {@code shardCount} → {@code SHARD_COUNT}. */
  static String upperSnake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  private static Object value(RecordComponent component, SpecConfig config) {
    try {
      return component.getAccessor().invoke(config);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("Cannot read SpecConfig." + component.getName(), e);
    }
  }
}
