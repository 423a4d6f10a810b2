package io.basalt.node.p2p;

import static io.basalt.common.ssz.Field.field;

import io.basalt.common.ssz.ContainerSchema;
import io.basalt.common.ssz.SszDecodingException;
import io.basalt.common.ssz.SszTypes;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Slot;
import io.basalt.consensus.types.Bytes4;
import io.basalt.consensus.types.ConsensusSsz;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Our side of the status handshake (fork digest, finalized and head). SSZ container {@code
 * Status{fork_digest: Bytes4, finalized_root: Root, finalized_epoch: Epoch, head_root: Root,
 * head_slot: Slot}}, 84 bytes, as the consensus p2p-interface's phase0 {@code Status}.
 */
public record StatusMessage(
    Bytes4 forkDigest,
    Bytes32 finalizedRoot,
    Epoch finalizedEpoch,
    Bytes32 headRoot,
    Slot headSlot) {

  public static final ContainerSchema<StatusMessage> SSZ =
      ContainerSchema.ofRecord(
          StatusMessage.class,
          field("forkDigest", ConsensusSsz.VERSION, StatusMessage::forkDigest),
          field("finalizedRoot", SszTypes.BYTES32, StatusMessage::finalizedRoot),
          field("finalizedEpoch", SszTypes.EPOCH, StatusMessage::finalizedEpoch),
          field("headRoot", SszTypes.BYTES32, StatusMessage::headRoot),
          field("headSlot", SszTypes.SLOT, StatusMessage::headSlot));

  /** The encoded length: every field is fixed-size. */
  public static final int SIZE = 4 + 32 + 8 + 32 + 8;

  public StatusMessage {
    Objects.requireNonNull(forkDigest, "forkDigest");
    Objects.requireNonNull(finalizedRoot, "finalizedRoot");
    Objects.requireNonNull(finalizedEpoch, "finalizedEpoch");
    Objects.requireNonNull(headRoot, "headRoot");
    Objects.requireNonNull(headSlot, "headSlot");
  }

  public Bytes encode() {
    return SSZ.serialize(this);
  }

  /**
   * Decodes exactly {@link #SIZE} bytes.
   *
   * @throws SszDecodingException if the bytes are not a status
   */
  public static StatusMessage decode(Bytes bytes) {
    return SSZ.deserialize(bytes);
  }
}
