package io.basalt.networking.gossip.host;

import static io.basalt.networking.gossip.host.GossipService.key;

import io.basalt.networking.encoding.DecodingException;
import io.basalt.networking.gossip.GossipPeerId;
import io.basalt.networking.gossip.GossipRouter;
import io.basalt.networking.gossip.Rpc;
import io.basalt.networking.gossip.RpcCodec;
import io.basalt.networking.gossip.RpcDecodeException;
import io.basalt.networking.host.Stream;
import io.basalt.networking.peers.Misbehaviour;
import io.basalt.networking.peers.MisbehaviourReporter;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads the peers' inbound gossip streams: splits each into {@code varint(length) || rpc} frames
 * ({@link RpcFrameReader}) on the stream's I/O thread, hands at most {@code
 * maxPendingInboundFrames} per stream to the router thread (more are dropped and counted), decodes
 * them there and passes the RPCs to the router, or keeps them in {@link PeerLink#early} (at most
 * {@link PeerLink#MAX_EARLY_FRAMES}) while the peer is not in the router yet.
 *
 * <p>A malformed frame or RPC resets the stream and reports the peer ({@link
 * Misbehaviour#LOW_TOLERANCE}).
 */
final class InboundRpcs {
  private final GossipServiceConfig config;
  private final MisbehaviourReporter reporter;
  private final GossipRouter router;
  private final Executor loop;
  private final Function<GossipPeerId, PeerLink> links;
  private final AtomicLong dropped = new AtomicLong();

  /**
   * @param links the current link of a peer, or null; called on the router thread
   * @param loop runs tasks on the router thread
   */
  InboundRpcs(
      GossipServiceConfig config,
      MisbehaviourReporter reporter,
      GossipRouter router,
      Executor loop,
      Function<GossipPeerId, PeerLink> links) {
    this.config = config;
    this.reporter = reporter;
    this.router = router;
    this.loop = loop;
    this.links = links;
  }

  /**
   * The reader of one inbound stream. Frames are handled on the router thread while the stream is
   * its peer's current inbound stream.
   *
   * @param onClosed called on the router thread once the stream has closed
   */
  RpcFrameReader reader(Consumer<Stream> onClosed) {
    AtomicInteger pending = new AtomicInteger();
    return new RpcFrameReader(
        config.limits().maxRpcBytes(),
        new RpcFrameReader.Listener() {
          @Override
          public void onFrame(Stream s, byte[] frame) {
            if (pending.incrementAndGet() > config.maxPendingInboundFrames()) {
              pending.decrementAndGet();
              dropped.incrementAndGet();
              return;
            }
            loop.execute(
                () -> {
                  pending.decrementAndGet();
                  PeerLink link = links.apply(key(s.remotePeer()));
                  if (link != null && link.inbound == s) {
                    handleFrame(link, s, frame);
                  }
                });
          }

          @Override
          public void onMalformed(Stream s, DecodingException error) {
            reporter.report(
                s.remotePeer(),
                Misbehaviour.LOW_TOLERANCE,
                "malformed gossip frame: " + error.getMessage());
          }

          @Override
          public void onClosed(Stream s) {
            loop.execute(() -> onClosed.accept(s));
          }
        });
  }

  /** Frames dropped because a peer sent faster than the router processed (any thread). */
  long dropped() {
    return dropped.get();
  }

  private void handleFrame(PeerLink link, Stream stream, byte[] frame) {
    Rpc rpc;
    try {
      rpc = RpcCodec.decode(frame, config.limits());
    } catch (RpcDecodeException e) {
      GossipService.report(
          reporter,
          link.key,
          Misbehaviour.LOW_TOLERANCE,
          "malformed gossip RPC: " + e.getMessage());
      stream.reset();
      return;
    }
    if (link.inRouter) {
      router.onRpc(link.key, rpc);
    } else if (link.early.size() < PeerLink.MAX_EARLY_FRAMES) {
      link.early.add(rpc);
    } else {
      dropped.incrementAndGet();
    }
  }
}
