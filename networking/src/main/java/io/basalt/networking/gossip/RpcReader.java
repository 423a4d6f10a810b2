package io.basalt.networking.gossip;

import static com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED;
import static com.google.protobuf.WireFormat.WIRETYPE_VARINT;
import static io.basalt.networking.gossip.RpcCodec.is;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import io.basalt.networking.gossip.RpcDecodeException.Reason;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/** Decoding state of one frame: the stream and the running counts checked against the limits. */
final class RpcReader {
  private final CodedInputStream in;
  private final RpcLimits limits;
  private int controlEntries;
  private int messageIds;

  RpcReader(CodedInputStream in, RpcLimits limits) {
    this.in = in;
    this.limits = limits;
  }

  private interface Body<T> {
    T read() throws IOException, RpcDecodeException;
  }

  /** Reads a length-delimited sub-message with {@code body}, confined to its length. */
  private <T> T nested(Body<T> body) throws IOException, RpcDecodeException {
    int length = in.readRawVarint32();
    int old = in.pushLimit(length); // rejects negative and past-the-end lengths
    T value = body.read();
    in.popLimit(old);
    return value;
  }

  private void skip(int tag) throws IOException, RpcDecodeException {
    if (!in.skipField(tag)) {
      throw new RpcDecodeException(Reason.MALFORMED, "unexpected end-group tag");
    }
  }

  private static RpcDecodeException limit(String what, int max) {
    return new RpcDecodeException(Reason.LIMIT_EXCEEDED, "more than " + max + " " + what);
  }

  private Bytes bytes() throws IOException {
    return Bytes.wrap(in.readByteArray());
  }

  private MessageId messageId() throws IOException, RpcDecodeException {
    if (++messageIds > limits.maxMessageIds()) {
      throw limit("message ids", limits.maxMessageIds());
    }
    return new MessageId(bytes());
  }

  private void countControl() throws RpcDecodeException {
    if (++controlEntries > limits.maxControlEntries()) {
      throw limit("control entries", limits.maxControlEntries());
    }
  }

  Rpc readRpc() throws IOException, RpcDecodeException {
    List<Rpc.SubOpts> subs = new ArrayList<>();
    List<PubMessage> messages = new ArrayList<>();
    Rpc.Control control = Rpc.Control.EMPTY;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      int field = WireFormat.getTagFieldNumber(tag);
      if (field == 1 && is(tag, WIRETYPE_LENGTH_DELIMITED)) {
        if (subs.size() == limits.maxSubscriptions()) {
          throw limit("subscriptions", limits.maxSubscriptions());
        }
        subs.add(nested(this::readSubOpts));
      } else if (field == 2 && is(tag, WIRETYPE_LENGTH_DELIMITED)) {
        if (messages.size() == limits.maxMessages()) {
          throw limit("messages", limits.maxMessages());
        }
        messages.add(nested(this::readMessage));
      } else if (field == 3 && is(tag, WIRETYPE_LENGTH_DELIMITED)) {
        control = merge(control, nested(this::readControl));
      } else {
        skip(tag);
      }
    }
    return new Rpc(subs, messages, control);
  }

  /** Protobuf merges repeated occurrences of a singular message field; lists concatenate. */
  private static Rpc.Control merge(Rpc.Control a, Rpc.Control b) {
    if (a.isEmpty()) {
      return b;
    }
    return new Rpc.Control(
        concat(a.ihave(), b.ihave()),
        concat(a.iwant(), b.iwant()),
        concat(a.graft(), b.graft()),
        concat(a.prune(), b.prune()));
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private Rpc.SubOpts readSubOpts() throws IOException, RpcDecodeException {
    boolean subscribe = false;
    String topic = "";
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      int field = WireFormat.getTagFieldNumber(tag);
      if (field == 1 && is(tag, WIRETYPE_VARINT)) {
        subscribe = in.readBool();
      } else if (field == 2 && is(tag, WIRETYPE_LENGTH_DELIMITED)) {
        topic = in.readStringRequireUtf8();
      } else {
        skip(tag);
      }
    }
    return new Rpc.SubOpts(subscribe, topic);
  }

  private PubMessage readMessage() throws IOException, RpcDecodeException {
    Optional<Bytes> from = Optional.empty();
    Optional<Bytes> seqno = Optional.empty();
    Optional<Bytes> signature = Optional.empty();
    Optional<Bytes> key = Optional.empty();
    Bytes data = Bytes.EMPTY;
    String topic = "";
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      int field = WireFormat.getTagFieldNumber(tag);
      if (!is(tag, WIRETYPE_LENGTH_DELIMITED) || field < 1 || field > 6) {
        skip(tag);
        continue;
      }
      switch (field) {
        case 1 -> from = Optional.of(bytes());
        case 2 -> data = bytes();
        case 3 -> seqno = Optional.of(bytes());
        case 4 -> topic = in.readStringRequireUtf8();
        case 5 -> signature = Optional.of(bytes());
        default -> key = Optional.of(bytes());
      }
    }
    return new PubMessage(from, data, seqno, topic, signature, key);
  }

  private Rpc.Control readControl() throws IOException, RpcDecodeException {
    List<Rpc.IHave> ihave = new ArrayList<>();
    List<Rpc.IWant> iwant = new ArrayList<>();
    List<Rpc.Graft> graft = new ArrayList<>();
    List<Rpc.Prune> prune = new ArrayList<>();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      int field = WireFormat.getTagFieldNumber(tag);
      if (!is(tag, WIRETYPE_LENGTH_DELIMITED) || field < 1 || field > 4) {
        skip(tag); // includes IDONTWANT (field 5) of gossipsub v1.2
        continue;
      }
      countControl();
      switch (field) {
        case 1 -> ihave.add(nested(this::readIHave));
        case 2 -> iwant.add(nested(this::readIWant));
        case 3 -> graft.add(nested(this::readGraft));
        default -> prune.add(nested(this::readPrune));
      }
    }
    return new Rpc.Control(ihave, iwant, graft, prune);
  }

  private Rpc.IHave readIHave() throws IOException, RpcDecodeException {
    String topic = "";
    List<MessageId> ids = new ArrayList<>();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      int field = WireFormat.getTagFieldNumber(tag);
      if (field == 1 && is(tag, WIRETYPE_LENGTH_DELIMITED)) {
        topic = in.readStringRequireUtf8();
      } else if (field == 2 && is(tag, WIRETYPE_LENGTH_DELIMITED)) {
        ids.add(messageId());
      } else {
        skip(tag);
      }
    }
    return new Rpc.IHave(topic, ids);
  }

  private Rpc.IWant readIWant() throws IOException, RpcDecodeException {
    List<MessageId> ids = new ArrayList<>();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (WireFormat.getTagFieldNumber(tag) == 1 && is(tag, WIRETYPE_LENGTH_DELIMITED)) {
        ids.add(messageId());
      } else {
        skip(tag);
      }
    }
    return new Rpc.IWant(ids);
  }

  private Rpc.Graft readGraft() throws IOException, RpcDecodeException {
    String topic = "";
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (WireFormat.getTagFieldNumber(tag) == 1 && is(tag, WIRETYPE_LENGTH_DELIMITED)) {
        topic = in.readStringRequireUtf8();
      } else {
        skip(tag);
      }
    }
    return new Rpc.Graft(topic);
  }

  private Rpc.Prune readPrune() throws IOException, RpcDecodeException {
    String topic = "";
    List<Rpc.PeerInfo> peers = new ArrayList<>();
    Optional<Long> backoff = Optional.empty();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      int field = WireFormat.getTagFieldNumber(tag);
      if (field == 1 && is(tag, WIRETYPE_LENGTH_DELIMITED)) {
        topic = in.readStringRequireUtf8();
      } else if (field == 2 && is(tag, WIRETYPE_LENGTH_DELIMITED)) {
        if (peers.size() == limits.maxPrunePeers()) {
          throw limit("peer-exchange entries", limits.maxPrunePeers());
        }
        peers.add(nested(this::readPeerInfo));
      } else if (field == 3 && is(tag, WIRETYPE_VARINT)) {
        backoff = Optional.of(in.readUInt64());
      } else {
        skip(tag);
      }
    }
    return new Rpc.Prune(topic, peers, backoff);
  }

  private Rpc.PeerInfo readPeerInfo() throws IOException, RpcDecodeException {
    Optional<Bytes> peerId = Optional.empty();
    Optional<Bytes> record = Optional.empty();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      int field = WireFormat.getTagFieldNumber(tag);
      if (field == 1 && is(tag, WIRETYPE_LENGTH_DELIMITED)) {
        peerId = Optional.of(bytes());
      } else if (field == 2 && is(tag, WIRETYPE_LENGTH_DELIMITED)) {
        record = Optional.of(bytes());
      } else {
        skip(tag);
      }
    }
    return new Rpc.PeerInfo(peerId, record);
  }
}
