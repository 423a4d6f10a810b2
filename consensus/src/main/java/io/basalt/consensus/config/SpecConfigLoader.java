package io.basalt.consensus.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Loads a {@link SpecConfig}: a named preset (a YAML resource under {@code presets/}) with the
 * values of an optional override file applied. Presets and user files go through the same reader
 * and the same checks, and every failure is a {@link SpecConfigException} with a one-line message.
 *
 * <p>An override file uses the spec's UPPER_SNAKE names and may set any subset of the keys. Its
 * optional {@code PRESET_BASE} key names the preset it builds on; without it the base is {@link
 * #DEFAULT_PRESET}, or the preset named by the caller.
 */
public final class SpecConfigLoader {

  public static final String DEFAULT_PRESET = "local";

  /** The presets shipped with Basalt, in the order they are listed to users. */
  public static final List<String> PRESETS = List.of("local", "mainnet");

  /** The override-file key that chooses the base preset. */
  public static final String PRESET_BASE = "PRESET_BASE";

  private SpecConfigLoader() {}

  /** The named preset, unchanged. */
  public static SpecConfig load(String presetName) {
    return build(presetName, Map.of(), null);
  }

  /** The preset named by the file's {@code PRESET_BASE} (default {@code local}) plus its values. */
  public static SpecConfig load(Path overrideYaml) {
    return load(null, overrideYaml);
  }

  /**
   * The named preset with the values of {@code overrideYaml} applied. A {@code PRESET_BASE} in the
   * file must then name the same preset.
   *
   * @param presetName the base preset, or null to take it from the file
   */
  public static SpecConfig load(String presetName, Path overrideYaml) {
    Objects.requireNonNull(overrideYaml, "overrideYaml");
    String text;
    try {
      text = Files.readString(overrideYaml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SpecConfigException(
          "Cannot read spec config file " + overrideYaml + ": " + e.getMessage(), e);
    }
    return loadYaml(presetName, text, overrideYaml.toString());
  }

  /** Like {@link #load(Path)}, with the override document given as text. */
  public static SpecConfig loadYaml(String overrideYaml) {
    return loadYaml(null, overrideYaml);
  }

  /** Like {@link #load(String, Path)}, with the override document given as text. */
  public static SpecConfig loadYaml(String presetName, String overrideYaml) {
    return loadYaml(presetName, overrideYaml, "spec config");
  }

  private static SpecConfig loadYaml(String presetName, String overrideYaml, String source) {
    Objects.requireNonNull(overrideYaml, "overrideYaml");
    Map<String, String> overrides = FlatYamlReader.read(overrideYaml, source);
    String fileBase = overrides.get(PRESET_BASE);
    String base = presetName;
    if (fileBase != null) {
      String named = trimmed(fileBase);
      if (presetName != null && !presetName.equals(named)) {
        throw new SpecConfigException(
            PRESET_BASE,
            source
                + ": PRESET_BASE '"
                + named
                + "' conflicts with the selected preset '"
                + presetName
                + "'");
      }
      base = named;
    }
    return build(base == null ? DEFAULT_PRESET : base, overrides, source);
  }

  private static SpecConfig build(String presetName, Map<String, String> overrides, String source) {
    Objects.requireNonNull(presetName, "presetName");
    Map<ConfigKey, Object> values = new EnumMap<>(ConfigKey.class);
    String presetSource = "preset " + presetName;
    Map<String, String> preset = FlatYamlReader.read(presetText(presetName), presetSource);
    putAll(values, preset, presetSource);
    for (ConfigKey key : ConfigKey.values()) {
      if (!values.containsKey(key)) {
        throw new SpecConfigException(key.name(), presetSource + " does not set " + key);
      }
    }
    Map<String, String> userValues = new LinkedHashMap<>(overrides);
    userValues.remove(PRESET_BASE);
    putAll(values, userValues, source);
    SpecConfig config = SpecConfig.from(presetName, values);
    SpecConfigValidator.validate(config);
    return config;
  }

  private static void putAll(
      Map<ConfigKey, Object> values, Map<String, String> raw, String source) {
    for (Map.Entry<String, String> entry : raw.entrySet()) {
      String name = entry.getKey();
      ConfigKey key =
          ConfigKey.byName(name)
              .orElseThrow(
                  () ->
                      new SpecConfigException(
                          name, source + ": unknown key " + name + KeySuggestion.didYouMean(name)));
      String text = trimmed(entry.getValue());
      try {
        values.put(key, key.type().parse(text));
      } catch (IllegalArgumentException e) {
        throw new SpecConfigException(
            name,
            source
                + ": "
                + name
                + " must be "
                + key.type().description()
                + ", got '"
                + text
                + "' ("
                + e.getMessage()
                + ")");
      }
    }
  }

  private static String presetText(String presetName) {
    if (!PRESETS.contains(presetName)) {
      throw new SpecConfigException(
          presetName,
          "Unknown preset '" + presetName + "'; known presets: " + String.join(", ", PRESETS));
    }
    String resource = "/presets/" + presetName + ".yaml";
    try (InputStream in = SpecConfigLoader.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Preset resource missing from the build: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SpecConfigException("Cannot read preset " + presetName + ": " + e.getMessage(), e);
    }
  }

  /** YAML has already removed quotes; blanks around a value carry no meaning. */
  private static String trimmed(String text) {
    return text.strip();
  }
}
