package io.basalt.networking.gossip;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import io.basalt.networking.gossip.RpcDecodeException.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/**
 * Hand-written protobuf codec of the pubsub {@code rpc.proto} (one frame, without its varint length
 * prefix). Fields are written in field-number order, absent optionals are omitted, and unknown
 * fields (e.g. v1.2 IDONTWANT) are skipped when reading.
 */
public final class RpcCodec {

  private RpcCodec() {}

  /** Encodes an RPC frame. Sizes are computed first, so the frame is written in one array. */
  public static byte[] encode(Rpc rpc) {
    byte[] frame = new byte[rpcSize(rpc)];
    CodedOutputStream out = CodedOutputStream.newInstance(frame);
    try {
      for (Rpc.SubOpts sub : rpc.subscriptions()) {
        header(out, 1, subOptsSize(sub));
        out.writeBool(1, sub.subscribe());
        out.writeString(2, sub.topic());
      }
      for (PubMessage message : rpc.messages()) {
        header(out, 2, messageSize(message));
        writeMessage(out, message);
      }
      if (!rpc.control().isEmpty()) {
        header(out, 3, controlSize(rpc.control()));
        writeControl(out, rpc.control());
      }
      out.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new UncheckedIOException("protobuf size computation out of step with writing", e);
    }
    return frame;
  }

  /** Encodes one {@code Message}, e.g. to measure it against size limits. */
  public static byte[] encodeMessage(PubMessage m) {
    byte[] bytes = new byte[messageSize(m)];
    try {
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      writeMessage(out, m);
      out.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new UncheckedIOException("protobuf size computation out of step with writing", e);
    }
    return bytes;
  }

  private static void writeMessage(CodedOutputStream out, PubMessage m) throws IOException {
    writeOptional(out, 1, m.from());
    writeBytes(out, 2, m.data());
    writeOptional(out, 3, m.seqno());
    out.writeString(4, m.topic());
    writeOptional(out, 5, m.signature());
    writeOptional(out, 6, m.key());
  }

  private static void writeControl(CodedOutputStream out, Rpc.Control control) throws IOException {
    for (Rpc.IHave ihave : control.ihave()) {
      header(out, 1, ihaveSize(ihave));
      out.writeString(1, ihave.topic());
      for (MessageId id : ihave.messageIds()) {
        writeBytes(out, 2, id.bytes());
      }
    }
    for (Rpc.IWant iwant : control.iwant()) {
      header(out, 2, iwantSize(iwant));
      for (MessageId id : iwant.messageIds()) {
        writeBytes(out, 1, id.bytes());
      }
    }
    for (Rpc.Graft graft : control.graft()) {
      header(out, 3, CodedOutputStream.computeStringSize(1, graft.topic()));
      out.writeString(1, graft.topic());
    }
    for (Rpc.Prune prune : control.prune()) {
      header(out, 4, pruneSize(prune));
      out.writeString(1, prune.topic());
      for (Rpc.PeerInfo info : prune.peers()) {
        header(out, 2, peerInfoSize(info));
        writeOptional(out, 1, info.peerId());
        writeOptional(out, 2, info.signedPeerRecord());
      }
      if (prune.backoffSeconds().isPresent()) {
        out.writeUInt64(3, prune.backoffSeconds().get());
      }
    }
  }

  private static void header(CodedOutputStream out, int field, int size) throws IOException {
    out.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    out.writeUInt32NoTag(size);
  }

  private static void writeBytes(CodedOutputStream out, int field, Bytes value) throws IOException {
    header(out, field, value.size());
    out.writeRawBytes(value.toArrayUnsafe());
  }

  private static void writeOptional(CodedOutputStream out, int field, Optional<Bytes> value)
      throws IOException {
    if (value.isPresent()) {
      writeBytes(out, field, value.get());
    }
  }

  // ---- sizes (protobuf: tag + length varint + body for every length-delimited field)

  private static int delimited(int field, int size) {
    return CodedOutputStream.computeTagSize(field)
        + CodedOutputStream.computeUInt32SizeNoTag(size)
        + size;
  }

  private static int bytesSize(int field, Optional<Bytes> value) {
    return value.map(v -> delimited(field, v.size())).orElse(0);
  }

  private static int rpcSize(Rpc rpc) {
    int size = 0;
    for (Rpc.SubOpts sub : rpc.subscriptions()) {
      size += delimited(1, subOptsSize(sub));
    }
    for (PubMessage message : rpc.messages()) {
      size += delimited(2, messageSize(message));
    }
    if (!rpc.control().isEmpty()) {
      size += delimited(3, controlSize(rpc.control()));
    }
    return size;
  }

  private static int subOptsSize(Rpc.SubOpts sub) {
    return CodedOutputStream.computeBoolSize(1, sub.subscribe())
        + CodedOutputStream.computeStringSize(2, sub.topic());
  }

  private static int messageSize(PubMessage m) {
    return bytesSize(1, m.from())
        + delimited(2, m.data().size())
        + bytesSize(3, m.seqno())
        + CodedOutputStream.computeStringSize(4, m.topic())
        + bytesSize(5, m.signature())
        + bytesSize(6, m.key());
  }

  private static int controlSize(Rpc.Control control) {
    int size = 0;
    for (Rpc.IHave ihave : control.ihave()) {
      size += delimited(1, ihaveSize(ihave));
    }
    for (Rpc.IWant iwant : control.iwant()) {
      size += delimited(2, iwantSize(iwant));
    }
    for (Rpc.Graft graft : control.graft()) {
      size += delimited(3, CodedOutputStream.computeStringSize(1, graft.topic()));
    }
    for (Rpc.Prune prune : control.prune()) {
      size += delimited(4, pruneSize(prune));
    }
    return size;
  }

  private static int ihaveSize(Rpc.IHave ihave) {
    int size = CodedOutputStream.computeStringSize(1, ihave.topic());
    for (MessageId id : ihave.messageIds()) {
      size += delimited(2, id.bytes().size());
    }
    return size;
  }

  private static int iwantSize(Rpc.IWant iwant) {
    int size = 0;
    for (MessageId id : iwant.messageIds()) {
      size += delimited(1, id.bytes().size());
    }
    return size;
  }

  private static int pruneSize(Rpc.Prune prune) {
    int size = CodedOutputStream.computeStringSize(1, prune.topic());
    for (Rpc.PeerInfo info : prune.peers()) {
      size += delimited(2, peerInfoSize(info));
    }
    if (prune.backoffSeconds().isPresent()) {
      size += CodedOutputStream.computeUInt64Size(3, prune.backoffSeconds().get());
    }
    return size;
  }

  private static int peerInfoSize(Rpc.PeerInfo info) {
    return bytesSize(1, info.peerId()) + bytesSize(2, info.signedPeerRecord());
  }

  /**
   * Decodes an RPC frame.
   *
   * @throws RpcDecodeException if the frame is malformed protobuf or exceeds {@code limits}
   */
  public static Rpc decode(byte[] frame, RpcLimits limits) throws RpcDecodeException {
    if (frame.length > limits.maxRpcBytes()) {
      throw new RpcDecodeException(
          Reason.TOO_LARGE, frame.length + " bytes > " + limits.maxRpcBytes());
    }
    try {
      return new RpcReader(CodedInputStream.newInstance(frame), limits).readRpc();
    } catch (InvalidProtocolBufferException e) {
      throw new RpcDecodeException(Reason.MALFORMED, e.getMessage(), e);
    } catch (IOException e) {
      throw new RpcDecodeException(Reason.MALFORMED, "unreadable frame: " + e.getMessage(), e);
    }
  }

  /** Reads one field's wire type; a known field number with another wire type is unknown. */
  static boolean is(int tag, int wireType) {
    return WireFormat.getTagWireType(tag) == wireType;
  }
}
