package io.basalt.networking.gossip.host;

import io.basalt.networking.encoding.VarintFrames;
import io.basalt.networking.gossip.GossipPeerId;
import io.basalt.networking.gossip.PeerOutbox;
import io.basalt.networking.gossip.Rpc;
import io.basalt.networking.gossip.RpcCodec;
import io.basalt.networking.gossip.RpcSink;
import io.basalt.networking.host.Stream;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the router's RPCs to the peers' outbound gossip streams with backpressure: RPCs queue per
 * peer in a bounded {@link PeerOutbox} (more are dropped and counted) and are encoded as {@code
 * varint(length) || rpc} and written while less than {@code maxInflightBytes} sit in the stream
 * waiting for the muxer; each write completion pulls the next. A failed write resets the stream.
 *
 * <p>Router thread only; write completions hop back onto it through {@code loop}.
 */
final class RpcWriter implements RpcSink {
  private static final Logger LOG = LoggerFactory.getLogger(RpcWriter.class);

  private final GossipServiceConfig config;
  private final Executor loop;
  private final Function<GossipPeerId, PeerLink> links;
  private final PeerOutbox outbox;

  /**
   * @param links the current link of a peer, or null
   * @param loop runs tasks on the router thread
   */
  RpcWriter(GossipServiceConfig config, Executor loop, Function<GossipPeerId, PeerLink> links) {
    this.config = config;
    this.loop = loop;
    this.links = links;
    this.outbox = new PeerOutbox(config.outboxCapacity());
  }

  /** The router's sink: queue, then write what the stream can take. */
  @Override
  public void send(GossipPeerId peer, Rpc rpc) {
    outbox.send(peer, rpc);
    PeerLink link = links.apply(peer);
    if (link != null) {
      drain(link);
    }
  }

  /** Writes queued RPCs to the link's outbound stream (if open) up to the in-flight bound. */
  void drain(PeerLink link) {
    Stream stream = link.outbound;
    while (stream != null && link.inflightBytes < config.maxInflightBytes()) {
      Optional<Rpc> next = outbox.poll(link.key);
      if (next.isEmpty()) {
        return;
      }
      byte[] frame = VarintFrames.encode(RpcCodec.encode(next.get()));
      link.inflightBytes += frame.length;
      stream
          .write(frame)
          .whenCompleteAsync(
              (v, error) -> {
                if (link.outbound != stream) {
                  return;
                }
                link.inflightBytes -= frame.length;
                if (error != null) {
                  LOG.debug("Gossip write to {} failed: {}", link.peer, error.toString());
                  stream.reset();
                } else {
                  drain(link);
                }
              },
              loop);
    }
  }

  /** Drops what is queued for a peer that left the router. */
  void forget(GossipPeerId peer) {
    outbox.remove(peer);
  }

  /** RPCs dropped because a peer's outbox was full. */
  long dropped() {
    return outbox.dropped();
  }
}
