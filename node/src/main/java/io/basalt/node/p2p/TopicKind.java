package io.basalt.node.p2p;

/**
 * The kinds of gossip topic (DESIGN.md §7), each with its size limit and the capacity of the
 * bounded queue between gossip validation and the chain's handler. Indexed kinds have one topic per
 * attestation subnet or shard ({@code beacon_attestation_<subnet>}, {@code shard_block_<i>}, ...).
 */
public enum TopicKind {
  BEACON_BLOCK("beacon_block", false, Limits.BLOCK, 1024),
  AGGREGATE_AND_PROOF("beacon_aggregate_and_proof", false, Limits.OTHER, 4096),
  ATTESTATION("beacon_attestation_", true, Limits.OTHER, 16384),
  SHARD_BLOCK("shard_block_", true, Limits.BLOCK, 1024),
  SHARD_TRANSACTION("shard_tx_", true, Limits.TRANSACTIONS, 1024),
  VOLUNTARY_EXIT("voluntary_exit", false, Limits.OTHER, 256),
  PROPOSER_SLASHING("proposer_slashing", false, Limits.OTHER, 256),
  ATTESTER_SLASHING("attester_slashing", false, Limits.OTHER, 256);

  /** Largest uncompressed payloads (Ethereum's {@code GOSSIP_MAX_SIZE} is 10 MiB). */
  static final class Limits {
    static final int BLOCK = 10 << 20;
    static final int OTHER = 1 << 20;

    /**
     * A batch of transactions: room for one of {@code MAX_TX_SIZE} (128 KiB) after the 64 KiB at
     * which a publisher sends its batch at the latest.
     */
    static final int TRANSACTIONS = 256 << 10;

    private Limits() {}
  }

  private final String name;
  private final boolean indexed;
  private final int maxUncompressedBytes;
  private final int queueCapacity;

  TopicKind(String name, boolean indexed, int maxUncompressedBytes, int queueCapacity) {
    this.name = name;
    this.indexed = indexed;
    this.maxUncompressedBytes = maxUncompressedBytes;
    this.queueCapacity = queueCapacity;
  }

  /** The topic name, or its prefix before the index for indexed kinds. */
  public String baseName() {
    return name;
  }

  public boolean indexed() {
    return indexed;
  }

  /** The largest SSZ payload accepted, checked before decompressing. */
  public int maxUncompressedBytes() {
    return maxUncompressedBytes;
  }

  /** The largest snappy block a valid payload compresses to. */
  public int maxCompressedBytes() {
    return GossipEncoding.maxCompressedLength(maxUncompressedBytes);
  }

  /** Messages of this kind waiting for the chain's handler; more are IGNOREd. */
  public int queueCapacity() {
    return queueCapacity;
  }

  /** The metric name of this kind's queue, e.g. {@code beacon_block}, {@code shard_tx}. */
  public String queueName() {
    return indexed ? name.substring(0, name.length() - 1) : name;
  }
}
