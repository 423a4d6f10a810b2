package io.basalt.shard.store;

import static io.basalt.common.ssz.Field.field;

import io.basalt.beacon.datastructures.shard.ShardOutbox;
import io.basalt.common.ssz.ContainerSchema;
import io.basalt.common.ssz.SszDecodingException;
import io.basalt.common.ssz.SszTypes;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.UInt64;
import io.basalt.consensus.types.ConsensusSsz;
import io.basalt.shard.datastructures.ShardSchemas;
import io.basalt.shard.state.ShardState;
import io.basalt.storage.codec.CodecException;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The SSZ encoding of a {@link ShardState} as stored in {@code SHARD_STATES_BY_ROOT}: a container
 * of the record's fields in order; the base fee is a uint256, the inbox cursors a list of at most
 * {@code SHARD_COUNT} uint64, the outbox the beacon chain's {@code ShardOutbox} container. The
 * account trie is not in it: only its root (the nodes are in {@code TRIE_NODES}).
 *
 * <p>The outbox keeps every receipt the shard ever sent, so a full state grows with history. An
 * unfinalized block's state is therefore stored as a {@link Delta} from its parent's ({@code
 * SHARD_STATE_DELTAS_BY_ROOT}): the parent root and the state whose outbox holds only the receipts
 * the block added; its size follows the block, not the chain.
 *
 * <p>A whole state is written as a {@link Snapshot}: {@link #SNAPSHOT_MARKER}, then the state with
 * only the receipts its outbox keeps, and per destination the number of receipts pruned (delivered
 * in the destination's finalized state) with the hashes that stand for them. Its size follows the
 * receipts in flight, not the chain. A whole state without the marker is the plain container above
 * (databases written before pruning) and still reads.
 */
public final class ShardStateCodec {

  /**
   * Opens a {@link Snapshot}: eight 0xff bytes, which a plain state (a uint64 shard number first)
   * never starts with.
   */
  static final Bytes SNAPSHOT_MARKER = Bytes.repeat((byte) 0xff, 8);

  /** The most hashes standing for one destination's pruned receipts: one per tree level. */
  private static final long MAX_PRUNED_ROOTS = 64;

  /** A state as a difference from its parent's: the state with only the receipts added. */
  public record Delta(Bytes32 parentRoot, ShardState added) {}

  /**
   * A whole state with a pruned outbox: the state with only the kept receipts, and per destination
   * how many receipts are pruned and the hashes standing for them.
   */
  public record Snapshot(
      ShardState kept, List<UInt64> prunedCounts, List<List<Bytes32>> prunedRoots) {}

  private final ContainerSchema<ShardState> ssz;
  private final ContainerSchema<Delta> deltaSsz;
  private final ContainerSchema<Snapshot> snapshotSsz;
  private final ShardOutbox.Schema outbox;

  public ShardStateCodec(ShardSchemas schemas) {
    int shardCount = schemas.config().shardCount();
    this.ssz =
        ContainerSchema.ofRecord(
            ShardState.class,
            field("shard", ConsensusSsz.SHARD, ShardState::shard),
            field("slot", SszTypes.SLOT, ShardState::slot),
            field("blockRoot", SszTypes.BYTES32, ShardState::blockRoot),
            field("beaconBlockRoot", SszTypes.BYTES32, ShardState::beaconBlockRoot),
            field("accountsRoot", SszTypes.BYTES32, ShardState::accountsRoot),
            field("nextBaseFee", SszTypes.UINT256, ShardState::nextBaseFee),
            field("outbox", schemas.outbox().ssz(), ShardState::outbox),
            field(
                "inboxCursors",
                SszTypes.list(SszTypes.UINT64, shardCount),
                ShardState::inboxCursors),
            field("withdrawalCursor", SszTypes.UINT64, ShardState::withdrawalCursor));
    this.deltaSsz =
        ContainerSchema.ofRecord(
            Delta.class,
            field("parentRoot", SszTypes.BYTES32, Delta::parentRoot),
            field("added", ssz, Delta::added));
    this.snapshotSsz =
        ContainerSchema.ofRecord(
            Snapshot.class,
            field("kept", ssz, Snapshot::kept),
            field(
                "prunedCounts", SszTypes.list(SszTypes.UINT64, shardCount), Snapshot::prunedCounts),
            field(
                "prunedRoots",
                SszTypes.list(SszTypes.list(SszTypes.BYTES32, MAX_PRUNED_ROOTS), shardCount),
                Snapshot::prunedRoots));
    this.outbox = schemas.outbox();
  }

  /** {@code state} whole, as a {@link Snapshot}. */
  public Bytes encode(ShardState state) {
    ShardOutbox sent = state.outbox();
    List<UInt64> counts = new ArrayList<>(outbox.shardCount());
    List<List<Bytes32>> roots = new ArrayList<>(outbox.shardCount());
    for (int d = 0; d < outbox.shardCount(); d++) {
      counts.add(UInt64.valueOf(sent.prunedCount(ShardId.of(d))));
      roots.add(sent.prunedRoots(ShardId.of(d)));
    }
    Snapshot snapshot = new Snapshot(state.withOutbox(sent.kept(outbox)), counts, roots);
    return Bytes.wrap(SNAPSHOT_MARKER, snapshotSsz.serialize(snapshot));
  }

  /** The plain container encoding, as whole states were written before outboxes were pruned. */
  Bytes encodePlain(ShardState state) {
    return ssz.serialize(state);
  }

  /**
   * @throws CodecException if {@code stored} is not a state's encoding
   */
  public ShardState decode(Bytes stored) {
    try {
      if (!stored.slice(0, Math.min(stored.size(), 8)).equals(SNAPSHOT_MARKER)) {
        return ssz.deserialize(stored); // written before outboxes were pruned
      }
      Snapshot snapshot = snapshotSsz.deserialize(stored.slice(SNAPSHOT_MARKER.size()));
      ShardState kept = snapshot.kept();
      List<Long> counts = snapshot.prunedCounts().stream().map(UInt64::longValue).toList();
      return kept.withOutbox(
          ShardOutbox.restore(outbox, counts, snapshot.prunedRoots(), kept.outbox()));
    } catch (SszDecodingException | IllegalArgumentException | UnsupportedOperationException e) {
      throw new CodecException("Stored shard state does not decode: " + e.getMessage(), e);
    }
  }

  /**
   * {@code state} as a difference from {@code parent}, the state at {@code parentRoot}.
   *
   * @throws IllegalArgumentException if the outbox of {@code state} does not extend the parent's
   */
  public Bytes encodeDelta(Bytes32 parentRoot, ShardState parent, ShardState state) {
    ShardOutbox added = state.outbox().since(parent.outbox(), outbox);
    return deltaSsz.serialize(new Delta(parentRoot, state.withOutbox(added)));
  }

  /**
   * @throws CodecException if {@code stored} is not a delta's encoding
   */
  public Delta decodeDelta(Bytes stored) {
    try {
      return deltaSsz.deserialize(stored);
    } catch (SszDecodingException | IllegalArgumentException e) {
      throw new CodecException("Stored shard state delta does not decode: " + e.getMessage(), e);
    }
  }

  /**
   * The state {@code delta} describes, given its parent's state.
   *
   * @throws CodecException if the delta's receipts do not continue the parent's outbox
   */
  public static ShardState apply(ShardState parent, Delta delta) {
    try {
      return delta.added().withOutbox(parent.outbox().plus(delta.added().outbox()));
    } catch (IllegalArgumentException e) {
      throw new CodecException("Stored shard state delta does not fit its parent: " + e, e);
    }
  }
}
