package io.basalt.shard.store;

import static io.basalt.common.ssz.Field.field;

import io.basalt.common.ssz.ContainerSchema;
import io.basalt.common.ssz.SszDecodingException;
import io.basalt.common.ssz.SszTypes;
import io.basalt.consensus.types.ConsensusSsz;
import io.basalt.shard.datastructures.ShardSchemas;
import io.basalt.shard.state.ShardState;
import io.basalt.storage.codec.CodecException;
import org.apache.tuweni.bytes.Bytes;

/**
 * The SSZ encoding of a {@link ShardState} as stored in {@code SHARD_STATES_BY_ROOT}: a container
 * of the record's fields in order; the base fee is a uint256, the inbox cursors a list of at most
 * {@code SHARD_COUNT} uint64, the outbox the beacon chain's {@code ShardOutbox} container. The
 * account trie is not in it: only its root (the nodes are in {@code TRIE_NODES}).
 */
public final class ShardStateCodec {

  private final ContainerSchema<ShardState> ssz;

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
}
