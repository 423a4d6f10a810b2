package io.basalt.consensus.config;

import java.util.Locale;

/** Suggests the known key closest to a misspelt one, by edit distance. */
final class KeySuggestion {

  private KeySuggestion() {}

  /** {@code " (did you mean X?)"} for a close known key, or the empty string. */
  static String didYouMean(String unknown) {
    String upper = unknown.toUpperCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (ConfigKey key : ConfigKey.values()) {
      int distance = distance(upper, key.name());
      if (distance < bestDistance) {
        best = key.name();
        bestDistance = distance;
      }
    }
    // Beyond about a third of the name the "suggestion" is just another key.
    int limit = Math.max(2, unknown.length() / 3);
    return bestDistance <= limit ? " (did you mean " + best + "?)" : "";
  }

  /** Levenshtein distance with two rolling rows. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
