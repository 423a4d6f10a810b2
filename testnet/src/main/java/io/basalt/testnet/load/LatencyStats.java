package io.basalt.testnet.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Durations of one kind (e.g. submission to inclusion), in milliseconds, with percentiles. */
final class LatencyStats {

  private final List<Long> millis = new ArrayList<>();

  synchronized void add(long durationMillis) {
    millis.add(durationMillis);
  }

  synchronized int count() {
    return millis.size();
  }

  /** The nearest-rank percentile ({@code 0 < p <= 100}), or -1 without samples. */
  synchronized long percentile(double p) {
    if (millis.isEmpty()) {
      return -1;
    }
    List<Long> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  /** For example {@code included p50 2.1s p95 3.8s (n=240)}; empty without samples. */
  String describe(String name) {
    int n = count();
    if (n == 0) {
      return "";
    }
    return String.format(
        java.util.Locale.ROOT,
        "%s p50 %.1fs p95 %.1fs (n=%d)",
        name,
        percentile(50) / 1000.0,
        percentile(95) / 1000.0,
        n);
  }
}
