package io.basalt.testnet.status;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Samples of a Prometheus text exposition, keyed by {@code name} or {@code name{labels}} exactly as
 * exposed (e.g. {@code basalt_shard_tps{shard="0"}}). Lines it cannot read are skipped: a status
 * view must not fail on a metric it does not use.
 */
public final class PrometheusText {

  private final Map<String, Double> samples;

  private PrometheusText(Map<String, Double> samples) {
    this.samples = Map.copyOf(samples);
  }

  public static PrometheusText parse(String text) {
    Map<String, Double> samples = new HashMap<>();
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int labelsEnd = line.lastIndexOf('}');
      int space = line.indexOf(' ', Math.max(labelsEnd, 0));
      if (space < 0) {
        continue;
      }
      String key = line.substring(0, space);
      String rest = line.substring(space + 1).strip();
      int timestamp = rest.indexOf(' ');
      String value = timestamp < 0 ? rest : rest.substring(0, timestamp);
      try {
        samples.put(key, Double.parseDouble(value));
      } catch (NumberFormatException e) {
        // Not a sample line we understand; skip it.
      }
    }
    return new PrometheusText(samples);
  }

  public OptionalDouble get(String name) {
    Double value = samples.get(name);
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  /** The sample of {@code name} with the single label {@code label="value"}. */
  public OptionalDouble get(String name, String label, String value) {
    return get(name + "{" + label + "=\"" + value + "\"}");
  }
}
