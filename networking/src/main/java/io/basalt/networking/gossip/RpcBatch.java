package io.basalt.networking.gossip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what one router step sends to each peer and emits it as one RPC per peer (more if the
 * messages would exceed the frame budget), so control piggybacks on messages.
 */
final class RpcBatch {

  private static final class Pending {
    final List<Rpc.SubOpts> subs = new ArrayList<>();
    final List<PubMessage> messages = new ArrayList<>();
    final List<Rpc.IHave> ihave = new ArrayList<>();
    final List<Rpc.IWant> iwant = new ArrayList<>();
    final List<Rpc.Graft> graft = new ArrayList<>();
    final List<Rpc.Prune> prune = new ArrayList<>();
  }

  /** Per-message overhead allowance (tags, lengths, topic) when splitting frames. */
  private static final int MESSAGE_OVERHEAD = 16;

  private final Map<GossipPeerId, Pending> pending = new LinkedHashMap<>();
  private final int messageBudgetBytes;

  /**
   * @param maxRpcBytes frame limit; a quarter is reserved for control entries
   */
  RpcBatch(int maxRpcBytes) {
    this.messageBudgetBytes = maxRpcBytes - maxRpcBytes / 4;
  }

  private Pending to(GossipPeerId peer) {
    return pending.computeIfAbsent(peer, p -> new Pending());
  }

  void subscription(GossipPeerId peer, Rpc.SubOpts sub) {
    to(peer).subs.add(sub);
  }

  void message(GossipPeerId peer, PubMessage message) {
    to(peer).messages.add(message);
  }

  void ihave(GossipPeerId peer, Rpc.IHave ihave) {
    to(peer).ihave.add(ihave);
  }

  void iwant(GossipPeerId peer, Rpc.IWant iwant) {
    to(peer).iwant.add(iwant);
  }

  void graft(GossipPeerId peer, String topic) {
    to(peer).graft.add(new Rpc.Graft(topic));
  }

  void prune(GossipPeerId peer, Rpc.Prune prune) {
    to(peer).prune.add(prune);
  }

  void flush(RpcSink sink) {
    for (Map.Entry<GossipPeerId, Pending> e : pending.entrySet()) {
      Pending p = e.getValue();
      Rpc.Control control = new Rpc.Control(p.ihave, p.iwant, p.graft, p.prune);
      List<PubMessage> chunk = new ArrayList<>();
      int size = 0;
      boolean first = true;
      for (PubMessage m : p.messages) {
        int messageSize = m.data().size() + m.topic().length() + MESSAGE_OVERHEAD;
        if (!chunk.isEmpty() && size + messageSize > messageBudgetBytes) {
          sink.send(e.getKey(), first ? new Rpc(p.subs, chunk, control) : Rpc.ofMessages(chunk));
          first = false;
          chunk = new ArrayList<>();
          size = 0;
        }
        chunk.add(m);
        size += messageSize;
      }
      if (first) {
        Rpc rpc = new Rpc(p.subs, chunk, control);
        if (!rpc.isEmpty()) {
          sink.send(e.getKey(), rpc);
        }
      } else if (!chunk.isEmpty()) {
        sink.send(e.getKey(), Rpc.ofMessages(chunk));
      }
    }
    pending.clear();
  }
}
