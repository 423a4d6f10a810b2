package io.basalt.common.types;

/** A shard number, {@code 0 <= id < SHARD_COUNT}. */
public record ShardId(int id) implements Comparable<ShardId> {

  public ShardId {
    if (id < 0) {
      throw new IllegalArgumentException("Shard id cannot be negative: " + id);
    }
  }

  public static ShardId of(int id) {
    return new ShardId(id);
  }

  @Override
  public int compareTo(ShardId other) {
    return Integer.compare(id, other.id);
  }

  @Override
  public String toString() {
    return Integer.toString(id);
  }
}
