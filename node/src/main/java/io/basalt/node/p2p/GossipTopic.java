package io.basalt.node.p2p;

import io.basalt.consensus.types.Bytes4;
import java.util.Objects;
import java.util.Optional;

/**
 * One gossip topic: a kind and, for indexed kinds, the subnet or shard. Its wire form is {@code
 * /basalt/<fork digest, 8 hex digits>/<name>/ssz_snappy}.
 *
 * @param index the subnet or shard; 0 for kinds without one
 */
public record GossipTopic(TopicKind kind, int index) {

  private static final String PREFIX = "/basalt/";
  private static final String ENCODING = "/ssz_snappy";

  public GossipTopic {
    Objects.requireNonNull(kind, "kind");
    if (index < 0 || (!kind.indexed() && index != 0)) {
      throw new IllegalArgumentException("bad index " + index + " for topic " + kind);
    }
  }

  public static GossipTopic of(TopicKind kind) {
    return new GossipTopic(kind, 0);
  }

  /** The name inside the topic string, e.g. {@code beacon_block} or {@code shard_block_2}. */
  public String name() {
    return kind.indexed() ? kind.baseName() + index : kind.baseName();
  }

  /** The topic string gossip uses. */
  public String topic(Bytes4 forkDigest) {
    return PREFIX + forkDigest.bytes().toUnprefixedHexString() + "/" + name() + ENCODING;
  }

  /** Parses a topic string of {@code forkDigest}; empty for anything else. */
  public static Optional<GossipTopic> parse(String topic, Bytes4 forkDigest) {
    String head = PREFIX + forkDigest.bytes().toUnprefixedHexString() + "/";
    if (!topic.startsWith(head) || !topic.endsWith(ENCODING)) {
      return Optional.empty();
    }
    String name = topic.substring(head.length(), topic.length() - ENCODING.length());
    for (TopicKind kind : TopicKind.values()) {
      if (!kind.indexed() && name.equals(kind.baseName())) {
        return Optional.of(of(kind));
      }
      if (kind.indexed() && name.startsWith(kind.baseName())) {
        String digits = name.substring(kind.baseName().length());
        if (!digits.isEmpty()
            && digits.length() <= 4
            && digits.chars().allMatch(Character::isDigit)) {
          return Optional.of(new GossipTopic(kind, Integer.parseInt(digits)));
        }
      }
    }
    return Optional.empty();
  }
}
