package io.basalt.beacon.datastructures.shard;

import static io.basalt.common.ssz.Field.field;

import io.basalt.common.ssz.ContainerSchema;
import io.basalt.common.ssz.SszTypes;
import io.basalt.common.ssz.proof.GeneralizedIndices;
import io.basalt.common.ssz.proof.MerkleProofs;
import io.basalt.common.ssz.view.ListView;
import io.basalt.common.ssz.view.VectorView;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.UInt64;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Every receipt a shard has sent since genesis: one append-only list per destination shard and one
 * for the beacon chain. A shard header's {@code receipts_root} is the outbox's {@code
 * hash_tree_root} after the block, so a crosslink commits to all receipts up to its block and a
 * destination proves any of them with one SSZ branch, whichever block emitted it. Appends share
 * every untouched subtree, so a block re-hashes only the paths it touched.
 */
public record ShardOutbox(
    VectorView<ListView<CrossShardReceipt>> toShards, ListView<StakingReceipt> toBeacon) {

  /** The most receipts one source sends one destination, and the most staking receipts. */
  public static final long RECEIPT_LIST_LIMIT = 1L << 32;

  public ShardOutbox {
    Objects.requireNonNull(toShards, "toShards");
    Objects.requireNonNull(toBeacon, "toBeacon");
  }

  /** An empty outbox for {@code shardCount} destinations. */
  public static ShardOutbox empty(Schema schema) {
    List<ListView<CrossShardReceipt>> lists = new ArrayList<>(schema.shardCount);
    for (int i = 0; i < schema.shardCount; i++) {
      lists.add(schema.receiptList.empty());
    }
    return new ShardOutbox(schema.toShards.of(lists), schema.stakingList.empty());
  }

  /** How many receipts have been sent to {@code destination}: the index of the next one. */
  public UInt64 countTo(ShardId destination) {
    return UInt64.valueOf(toShards.get(destination.id()).size());
  }

  /** How many staking receipts have been sent: the index of the next one. */
  public UInt64 stakingCount() {
    return UInt64.valueOf(toBeacon.size());
  }

  /** This outbox with {@code receipt} appended; its index must be the next for its destination. */
  public ShardOutbox with(CrossShardReceipt receipt) {
    int destination = receipt.destination().id();
    ListView<CrossShardReceipt> list = toShards.get(destination);
    if (receipt.index().longValue() != list.size()) {
      throw new IllegalArgumentException(
          "Receipt index "
              + receipt.index()
              + "; next to shard "
              + destination
              + " is "
              + list.size());
    }
    return new ShardOutbox(toShards.set(destination, list.append(receipt)), toBeacon);
  }

  /** This outbox with {@code receipt} appended; its index must be the next staking index. */
  public ShardOutbox with(StakingReceipt receipt) {
    if (receipt.index().longValue() != toBeacon.size()) {
      throw new IllegalArgumentException(
          "Staking receipt index " + receipt.index() + "; next is " + toBeacon.size());
    }
    return new ShardOutbox(toShards, toBeacon.append(receipt));
  }

  /**
   * The receipts this outbox holds beyond {@code earlier} (an outbox it extends, e.g. the parent
   * block's), as an outbox of only those lists' tails: what {@link #plus} appends back. Reads only
   * the new receipts.
   *
   * @throws IllegalArgumentException if some list here is shorter than in {@code earlier}
   */
  public ShardOutbox since(ShardOutbox earlier, Schema schema) {
    List<ListView<CrossShardReceipt>> tails = new ArrayList<>(schema.shardCount);
    for (int d = 0; d < schema.shardCount; d++) {
      tails.add(tail(schema.receiptList, toShards.get(d), earlier.toShards.get(d).size()));
    }
    return new ShardOutbox(
        schema.toShards.of(tails), tail(schema.stakingList, toBeacon, earlier.toBeacon.size()));
  }

  /** This outbox with every receipt of {@code added} (from {@link #since}) appended, in order. */
  public ShardOutbox plus(ShardOutbox added) {
    ShardOutbox result = this;
    for (int d = 0; d < added.toShards.size(); d++) {
      ListView<CrossShardReceipt> receipts = added.toShards.get(d);
      for (long i = 0; i < receipts.size(); i++) {
        result = result.with(receipts.get(i));
      }
    }
    for (long i = 0; i < added.toBeacon.size(); i++) {
      result = result.with(added.toBeacon.get(i));
    }
    return result;
  }

  /**
   * This outbox with the receipts to each destination {@code d} below {@code delivered.get(d)}
   * pruned (see {@link ListView#prunedBefore}): the root stays, the memory goes, and those receipts
   * can no longer be read or proven. Only receipts every future block of the destination is past
   * (delivered in its finalized state) may be pruned. Staking receipts are kept.
   *
   * <p>A count past what was sent prunes everything sent (an older state of the chain).
   *
   * @throws IllegalArgumentException if there is not one count per destination
   */
  public ShardOutbox prunedBefore(List<Long> delivered) {
    if (delivered.size() != toShards.size()) {
      throw new IllegalArgumentException(
          delivered.size() + " delivery counts for " + toShards.size() + " destinations");
    }
    VectorView<ListView<CrossShardReceipt>> lists = toShards;
    for (int d = 0; d < toShards.size(); d++) {
      ListView<CrossShardReceipt> list = toShards.get(d);
      ListView<CrossShardReceipt> pruned =
          list.prunedBefore(Math.min(delivered.get(d), list.size()));
      if (pruned != list) {
        lists = lists.set(d, pruned);
      }
    }
    return lists == toShards ? this : new ShardOutbox(lists, toBeacon);
  }

  /** How many leading receipts to {@code destination} are pruned. */
  public long prunedCount(ShardId destination) {
    return toShards.get(destination.id()).prunedCount();
  }

  /** The hashes standing for the pruned receipts to {@code destination} (see {@link #restore}). */
  public List<Bytes32> prunedRoots(ShardId destination) {
    return toShards.get(destination.id()).prunedRoots();
  }

  /** This outbox with only the receipts not pruned: what {@link #restore} completes. */
  public ShardOutbox kept(Schema schema) {
    List<ListView<CrossShardReceipt>> lists = new ArrayList<>(schema.shardCount);
    for (int d = 0; d < schema.shardCount; d++) {
      lists.add(schema.receiptList.of(toShards.get(d).keptElements()));
    }
    return new ShardOutbox(schema.toShards.of(lists), toBeacon);
  }

  /**
   * The outbox whose receipts to each destination are {@code pruned.get(d)} receipts known by the
   * hashes {@code roots.get(d)}, then those of {@code kept} (from {@link #kept}).
   *
   * @throws IllegalArgumentException if the counts and roots do not fit
   */
  public static ShardOutbox restore(
      Schema schema, List<Long> pruned, List<List<Bytes32>> roots, ShardOutbox kept) {
    if (pruned.size() != schema.shardCount || roots.size() != schema.shardCount) {
      throw new IllegalArgumentException("Pruned counts and roots must cover every destination");
    }
    List<ListView<CrossShardReceipt>> lists = new ArrayList<>(schema.shardCount);
    for (int d = 0; d < schema.shardCount; d++) {
      lists.add(
          ListView.restore(
              schema.receiptList.listSchema(),
              pruned.get(d),
              roots.get(d),
              kept.toShards.get(d).keptElements()));
    }
    return new ShardOutbox(schema.toShards.of(lists), kept.toBeacon);
  }

  private static <T> ListView<T> tail(ListView.Schema<T> schema, ListView<T> list, long from) {
    if (from > list.size()) {
      throw new IllegalArgumentException(
          "An outbox list of " + list.size() + " does not extend one of " + from);
    }
    List<T> tail = new ArrayList<>((int) (list.size() - from));
    for (long i = from; i < list.size(); i++) {
      tail.add(list.get(i));
    }
    return schema.of(tail);
  }

  /** The branch proving the receipt {@code index} to {@code destination} against {@link #root}. */
  public List<Bytes32> proveReceipt(Schema schema, ShardId destination, long index) {
    return MerkleProofs.branch(schema.ssz.toTree(this), schema.receiptGindex(destination, index));
  }

  /** The branch proving the staking receipt {@code index} against {@link #root}. */
  public List<Bytes32> proveStakingReceipt(Schema schema, long index) {
    return MerkleProofs.branch(schema.ssz.toTree(this), schema.stakingGindex(index));
  }

  public Bytes32 root(Schema schema) {
    return schema.ssz.hashTreeRoot(this);
  }

  /** The SSZ schema of outboxes for one shard count, and the proof positions within it. */
  public static final class Schema {
    private final int shardCount;
    private final ListView.Schema<CrossShardReceipt> receiptList;
    private final ListView.Schema<StakingReceipt> stakingList;
    private final VectorView.Schema<ListView<CrossShardReceipt>> toShards;
    private final ContainerSchema<ShardOutbox> ssz;

    public Schema(int shardCount) {
      this.shardCount = shardCount;
      this.receiptList = SszTypes.list(CrossShardReceipt.SSZ, RECEIPT_LIST_LIMIT).view();
      this.stakingList = SszTypes.list(StakingReceipt.SSZ, RECEIPT_LIST_LIMIT).view();
      this.toShards = SszTypes.vector(receiptList, shardCount).view();
      this.ssz =
          ContainerSchema.ofRecord(
              ShardOutbox.class,
              field("toShards", toShards, ShardOutbox::toShards),
              field("toBeacon", stakingList, ShardOutbox::toBeacon));
    }

    public int shardCount() {
      return shardCount;
    }

    public ContainerSchema<ShardOutbox> ssz() {
      return ssz;
    }

    /** Where receipt {@code index} to {@code destination} sits in the outbox tree. */
    public long receiptGindex(ShardId destination, long index) {
      return GeneralizedIndices.forPath(ssz, "toShards", (long) destination.id(), index);
    }

    /** Where staking receipt {@code index} sits in the outbox tree. */
    public long stakingGindex(long index) {
      return GeneralizedIndices.forPath(ssz, "toBeacon", index);
    }

    /** Whether {@code branch} proves {@code receipt} under the outbox root {@code root}. */
    public boolean verify(CrossShardReceipt receipt, List<Bytes32> branch, Bytes32 root) {
      long gindex = receiptGindex(receipt.destination(), receipt.index().longValue());
      return MerkleProofs.verify(receipt.hashTreeRoot(), branch, gindex, root);
    }

    /** Whether {@code branch} proves {@code receipt} under the outbox root {@code root}. */
    public boolean verify(StakingReceipt receipt, List<Bytes32> branch, Bytes32 root) {
      long gindex = stakingGindex(receipt.index().longValue());
      return MerkleProofs.verify(receipt.hashTreeRoot(), branch, gindex, root);
    }
  }
}
