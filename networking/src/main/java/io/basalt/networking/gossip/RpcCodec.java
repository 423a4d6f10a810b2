package io.basalt.networking.gossip;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import io.basalt.networking.gossip.RpcDecodeException.Reason;
import java.io.ByteArrayOutputStream;
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

  /** Encodes an RPC frame. */
  public static byte[] encode(Rpc rpc) {
    return write(
        out -> {
          for (Rpc.SubOpts sub : rpc.subscriptions()) {
            out.writeByteArray(1, encodeSubOpts(sub));
          }
          for (PubMessage message : rpc.messages()) {
            out.writeByteArray(2, encodeMessage(message));
          }
          if (!rpc.control().isEmpty()) {
            out.writeByteArray(3, encodeControl(rpc.control()));
          }
        });
  }

  /** Encodes one {@code Message}, e.g. to measure it against size limits. */
  public static byte[] encodeMessage(PubMessage m) {
    return write(
        out -> {
          writeOptional(out, 1, m.from());
          out.writeByteArray(2, m.data().toArrayUnsafe());
          writeOptional(out, 3, m.seqno());
          out.writeString(4, m.topic());
          writeOptional(out, 5, m.signature());
          writeOptional(out, 6, m.key());
        });
  }

  private static byte[] encodeSubOpts(Rpc.SubOpts sub) {
    return write(
        out -> {
          out.writeBool(1, sub.subscribe());
          out.writeString(2, sub.topic());
        });
  }

  private static byte[] encodeControl(Rpc.Control control) {
    return write(
        out -> {
          for (Rpc.IHave ihave : control.ihave()) {
            out.writeByteArray(
                1,
                write(
                    o -> {
                      o.writeString(1, ihave.topic());
                      for (MessageId id : ihave.messageIds()) {
                        o.writeByteArray(2, id.bytes().toArrayUnsafe());
                      }
                    }));
          }
          for (Rpc.IWant iwant : control.iwant()) {
            out.writeByteArray(
                2,
                write(
                    o -> {
                      for (MessageId id : iwant.messageIds()) {
                        o.writeByteArray(1, id.bytes().toArrayUnsafe());
                      }
                    }));
          }
          for (Rpc.Graft graft : control.graft()) {
            out.writeByteArray(3, write(o -> o.writeString(1, graft.topic())));
          }
          for (Rpc.Prune prune : control.prune()) {
            out.writeByteArray(4, encodePrune(prune));
          }
        });
  }

  private static byte[] encodePrune(Rpc.Prune prune) {
    return write(
        out -> {
          out.writeString(1, prune.topic());
          for (Rpc.PeerInfo info : prune.peers()) {
            out.writeByteArray(
                2,
                write(
                    o -> {
                      writeOptional(o, 1, info.peerId());
                      writeOptional(o, 2, info.signedPeerRecord());
                    }));
          }
          if (prune.backoffSeconds().isPresent()) {
            out.writeUInt64(3, prune.backoffSeconds().get());
          }
        });
  }

  private static void writeOptional(CodedOutputStream out, int field, Optional<Bytes> value)
      throws IOException {
    if (value.isPresent()) {
      out.writeByteArray(field, value.get().toArrayUnsafe());
    }
  }

  private interface Writer {
    void write(CodedOutputStream out) throws IOException;
  }

  private static byte[] write(Writer writer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    CodedOutputStream out = CodedOutputStream.newInstance(bytes, 256);
    try {
      writer.write(out);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory protobuf write failed", e);
    }
    return bytes.toByteArray();
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
