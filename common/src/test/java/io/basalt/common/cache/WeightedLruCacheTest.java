package io.basalt.common.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightedLruCacheTest {

  /** Values are lists; a list weighs its size. */
  private static WeightedLruCache<String, List<Integer>> cache(int entries, long weight) {
    return new WeightedLruCache<>(entries, weight, List::size);
  }

  private static List<Integer> weighing(int n) {
    return Collections.nCopies(n, 0);
  }

  @Test
  void evictsTheLeastRecentlyUsedPastTheEntryBound() {
    WeightedLruCache<String, List<Integer>> cache = cache(2, 1_000);
    cache.put("a", weighing(1));
    cache.put("b", weighing(1));
    assertThat(cache.get("a")).isPresent(); // a is now the most recent
    cache.put("c", weighing(1));
    assertThat(cache.keysEldestFirst()).containsExactly("a", "c");
    assertThat(cache.get("b")).isEmpty();
    assertThat(cache.weight()).isEqualTo(2);
  }

  @Test
  void evictsAsManyEntriesAsTheWeightBoundNeeds() {
    WeightedLruCache<String, List<Integer>> cache = cache(100, 10);
    cache.put("a", weighing(3));
    cache.put("b", weighing(3));
    cache.put("c", weighing(3));
    cache.put("d", weighing(8)); // 17 in all: a, b and c all go before it is within 10
    assertThat(cache.keysEldestFirst()).containsExactly("d");
    assertThat(cache.weight()).isEqualTo(8);
  }

  @Test
  void keepsTheNewestEntryEvenWhenItAloneIsTooHeavy() {
    WeightedLruCache<String, List<Integer>> cache = cache(100, 10);
    cache.put("a", weighing(2));
    cache.put("huge", weighing(50));
    assertThat(cache.keysEldestFirst()).containsExactly("huge");
    assertThat(cache.weight()).isEqualTo(50);
    cache.put("b", weighing(1));
    assertThat(cache.keysEldestFirst()).containsExactly("b");
    assertThat(cache.weight()).isEqualTo(1);
  }

  @Test
  void replacingRemovingAndClearingKeepTheWeightTrue() {
    WeightedLruCache<String, List<Integer>> cache = cache(100, 100);
    cache.put("a", weighing(5));
    cache.put("a", weighing(7));
    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.weight()).isEqualTo(7);
    cache.remove("a");
    cache.remove("missing");
    assertThat(cache.size()).isZero();
    assertThat(cache.weight()).isZero();
    cache.put("b", weighing(3));
    cache.clear();
    assertThat(cache.get("b")).isEmpty();
    assertThat(cache.weight()).isZero();
  }

  @Test
  void rejectsBoundsThatAreNotPositive() {
    assertThatThrownBy(() -> cache(0, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> cache(10, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
