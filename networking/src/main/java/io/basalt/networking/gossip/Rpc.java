package io.basalt.networking.gossip;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/**
 * One pubsub RPC frame ({@code rpc.proto}): subscription changes, messages and gossipsub control.
 * Immutable; lists are copied.
 */
public record Rpc(List<SubOpts> subscriptions, List<PubMessage> messages, Control control) {

  public static final Rpc EMPTY = new Rpc(List.of(), List.of(), Control.EMPTY);

  public Rpc {
    subscriptions = List.copyOf(subscriptions);
    messages = List.copyOf(messages);
    Objects.requireNonNull(control, "control");
  }

  public boolean isEmpty() {
    return subscriptions.isEmpty() && messages.isEmpty() && control.isEmpty();
  }

  public static Rpc ofMessages(List<PubMessage> messages) {
    return new Rpc(List.of(), messages, Control.EMPTY);
  }

  public static Rpc ofControl(Control control) {
    return new Rpc(List.of(), List.of(), control);
  }

  /** {@code SubOpts}: a subscribe or unsubscribe announcement. */
  public record SubOpts(boolean subscribe, String topic) {
    public SubOpts {
      Objects.requireNonNull(topic, "topic");
    }
  }

  /** {@code ControlMessage}. An empty one is not written on the wire. */
  public record Control(
      List<IHave> ihave, List<IWant> iwant, List<Graft> graft, List<Prune> prune) {
    public static final Control EMPTY = new Control(List.of(), List.of(), List.of(), List.of());

    public Control {
      ihave = List.copyOf(ihave);
      iwant = List.copyOf(iwant);
      graft = List.copyOf(graft);
      prune = List.copyOf(prune);
    }

    public boolean isEmpty() {
      return ihave.isEmpty() && iwant.isEmpty() && graft.isEmpty() && prune.isEmpty();
    }
  }

  /** {@code ControlIHave}: ids of recent messages we can serve for a topic. */
  public record IHave(String topic, List<MessageId> messageIds) {
    public IHave {
      Objects.requireNonNull(topic, "topic");
      messageIds = List.copyOf(messageIds);
    }
  }

  /** {@code ControlIWant}: ids of messages requested after an IHAVE. */
  public record IWant(List<MessageId> messageIds) {
    public IWant {
      messageIds = List.copyOf(messageIds);
    }
  }

  /** {@code ControlGraft}: the sender adds us to its mesh of the topic. */
  public record Graft(String topic) {
    public Graft {
      Objects.requireNonNull(topic, "topic");
    }
  }

  /**
   * {@code ControlPrune}: the sender removed us from its mesh. {@code backoffSeconds} is a protobuf
   * uint64 (unsigned); peers are offered for peer exchange (v1.1 only).
   */
  public record Prune(String topic, List<PeerInfo> peers, Optional<Long> backoffSeconds) {
    public Prune {
      Objects.requireNonNull(topic, "topic");
      peers = List.copyOf(peers);
      Objects.requireNonNull(backoffSeconds, "backoffSeconds");
    }
  }

  /** {@code PeerInfo} of peer exchange: a peer id and optionally its signed peer record. */
  public record PeerInfo(Optional<Bytes> peerId, Optional<Bytes> signedPeerRecord) {
    public PeerInfo {
      Objects.requireNonNull(peerId, "peerId");
      Objects.requireNonNull(signedPeerRecord, "signedPeerRecord");
    }
  }
}
