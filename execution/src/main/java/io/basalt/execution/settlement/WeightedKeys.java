package io.basalt.execution.settlement;

import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;

/**
 * A signing committee as submitted: BLS public keys (48 bytes each), their weights and the weight a
 * quorum must reach. Nothing is validated here; {@link Quorum#validateNewSet} does that.
 */
public record WeightedKeys(List<Bytes> pubkeys, List<Long> weights, long thresholdWeight) {
  public WeightedKeys {
    pubkeys = List.copyOf(pubkeys);
    weights = List.copyOf(Objects.requireNonNull(weights, "weights"));
  }

  public int size() {
    return pubkeys.size();
  }
}
