package io.basalt.shard.store;

import static io.basalt.common.ssz.Field.field;

import io.basalt.beacon.datastructures.shard.ShardOutbox;
import io.basalt.common.ssz.ContainerSchema;
import io.basalt.common.ssz.SszDecodingException;
import io.basalt.common.ssz.SszTypes;
import io.basalt.consensus.types.ConsensusSsz;
import io.basalt.shard.datastructures.ShardSchemas;
import io.basalt.shard.state.ShardState;
import io.basalt.storage.codec.CodecException;
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
 */
public final class ShardStateCodec {

  /** A state as a difference from its parent's: the state with only the receipts added. */
  public record Delta(Bytes32 parentRoot, ShardState added) {}

  private final ContainerSchema<ShardState> ssz;
  private final ContainerSchema<Delta> deltaSsz;
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
    this.outbox = schemas.outbox();
  }

  public Bytes encode(ShardState state) {
    return ssz.serialize(state);
  }

  /**
   * @throws CodecException if {@code stored} is not a state's encoding
   */
  public ShardState decode(Bytes stored) {
    try {
      return ssz.deserialize(stored);
    } catch (SszDecodingException | IllegalArgumentException e) {
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
