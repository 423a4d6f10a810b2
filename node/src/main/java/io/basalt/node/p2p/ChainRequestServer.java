package io.basalt.node.p2p;

import io.basalt.common.ssz.ListSchema;
import io.basalt.common.ssz.SszTypes;
import io.basalt.common.types.UInt64;
import io.basalt.networking.identity.PeerId;
import io.basalt.networking.reqresp.ReqResp;
import io.basalt.networking.reqresp.ResponseChannel;
import io.basalt.networking.reqresp.ResponseCode;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the block, ping and metadata methods from a {@link ChainDataProvider}. Requests are
 * checked on the I/O thread (a bad one is answered {@code INVALID_REQUEST} with the reason); the
 * chain is read on a small serving pool with a bounded queue, so a busy node answers {@code
 * RESOURCE_UNAVAILABLE} instead of queueing without end. Status is served by {@link
 * StatusExchange}.
 */
final class ChainRequestServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ChainRequestServer.class);
  static final ListSchema<Bytes32> ROOTS =
      SszTypes.list(SszTypes.BYTES32, ChainProtocols.MAX_REQUEST_BLOCKS);

  private final SszCodecs codecs;
  private final ChainDataProvider chain;
  private final Supplier<MetaData> metadata;
  private final int attestationSubnets;
  private final ThreadPoolExecutor pool =
      new ThreadPoolExecutor(
          2,
          2,
          0,
          TimeUnit.MILLISECONDS,
          new ArrayBlockingQueue<>(256),
          r -> {
            Thread thread = new Thread(r, "p2p-serve");
            thread.setDaemon(true);
            return thread;
          });

  ChainRequestServer(
      SszCodecs codecs,
      ChainDataProvider chain,
      Supplier<MetaData> metadata,
      int attestationSubnets) {
    this.codecs = codecs;
    this.chain = chain;
    this.metadata = metadata;
    this.attestationSubnets = attestationSubnets;
  }

  void register(ReqResp reqResp) {
    reqResp.register(ChainProtocols.BEACON_BLOCKS_BY_RANGE, this::beaconBlocksByRange);
    reqResp.register(ChainProtocols.BEACON_BLOCKS_BY_ROOT, this::beaconBlocksByRoot);
    reqResp.register(ChainProtocols.SHARD_BLOCKS_BY_RANGE, this::shardBlocksByRange);
    reqResp.register(ChainProtocols.SHARD_BLOCKS_BY_ROOT, this::shardBlocksByRoot);
    reqResp.register(ChainProtocols.PING, this::ping);
    reqResp.register(ChainProtocols.metadata(attestationSubnets), this::metadata);
  }

  private void beaconBlocksByRange(PeerId peer, byte[] request, ResponseChannel response) {
    BlocksByRangeRequest range;
    try {
      range = SszCodecs.decode(BlocksByRangeRequest.SSZ, Bytes.wrap(request), "range request");
      checkCount(range.count());
      if (!range.step().equals(UInt64.ONE)) {
        throw new MalformedMessageException("step must be 1, got " + range.step());
      }
      range.startSlot().plus(range.count().longValue());
    } catch (RuntimeException e) {
      response.error(ResponseCode.INVALID_REQUEST, e.getMessage());
      return;
    }
    int count = (int) range.count().longValue();
    serve(
        response,
        () ->
            chain.beaconBlocksByRange(range.startSlot(), count).stream()
                .limit(count)
                .map(codecs::encodeBeaconBlock)
                .toList());
  }

  private void beaconBlocksByRoot(PeerId peer, byte[] request, ResponseChannel response) {
    byRoot(request, response, chain::beaconBlocksByRoot, codecs::encodeBeaconBlock);
  }

  private void shardBlocksByRoot(PeerId peer, byte[] request, ResponseChannel response) {
    byRoot(request, response, chain::shardBlocksByRoot, codecs::encodeShardBlock);
  }

  /** Answers a by-root request with the blocks {@code lookup} finds, at most one per root. */
  private <B> void byRoot(
      byte[] request,
      ResponseChannel response,
      Function<List<Bytes32>, List<B>> lookup,
      Function<B, Bytes> encoder) {
    List<Bytes32> roots;
    try {
      roots = SszCodecs.decode(ROOTS, Bytes.wrap(request), "root list");
      if (roots.isEmpty()) {
        throw new MalformedMessageException("no roots asked");
      }
    } catch (RuntimeException e) {
      response.error(ResponseCode.INVALID_REQUEST, e.getMessage());
      return;
    }
    serve(response, () -> lookup.apply(roots).stream().limit(roots.size()).map(encoder).toList());
  }

  private void shardBlocksByRange(PeerId peer, byte[] request, ResponseChannel response) {
    ShardBlocksByRangeRequest range;
    try {
      range = SszCodecs.decode(ShardBlocksByRangeRequest.SSZ, Bytes.wrap(request), "shard request");
      checkCount(range.count());
      if (range.shard().id() >= codecs.config().shardCount()) {
        throw new MalformedMessageException("no shard " + range.shard());
      }
      range.startSlot().plus(range.count().longValue());
    } catch (RuntimeException e) {
      response.error(ResponseCode.INVALID_REQUEST, e.getMessage());
      return;
    }
    int count = (int) range.count().longValue();
    serve(
        response,
        () ->
            chain.shardBlocksByRange(range.shard(), range.startSlot(), count).stream()
                .limit(count)
                .map(codecs::encodeShardBlock)
                .toList());
  }

  private void ping(PeerId peer, byte[] request, ResponseChannel response) {
    try {
      SszCodecs.decode(SszTypes.UINT64, Bytes.wrap(request), "ping");
    } catch (MalformedMessageException e) {
      response.error(ResponseCode.INVALID_REQUEST, e.getMessage());
      return;
    }
    response.respond(SszTypes.UINT64.serialize(metadata.get().seqNumber()).toArrayUnsafe());
    response.complete();
  }

  private void metadata(PeerId peer, byte[] request, ResponseChannel response) {
    response.respond(MetaData.schema(attestationSubnets).serialize(metadata.get()).toArrayUnsafe());
    response.complete();
  }

  private static void checkCount(UInt64 count) {
    if (count.isZero() || count.compareTo(UInt64.valueOf(ChainProtocols.MAX_REQUEST_BLOCKS)) > 0) {
      throw new MalformedMessageException(
          "count must be 1.." + ChainProtocols.MAX_REQUEST_BLOCKS + ", got " + count);
    }
  }

  private void serve(ResponseChannel response, Supplier<List<Bytes>> chunks) {
    try {
      pool.execute(
          () -> {
            try {
              for (Bytes chunk : chunks.get()) {
                response.respond(chunk.toArrayUnsafe());
              }
              response.complete();
            } catch (RuntimeException e) {
              LOG.warn("Serving a block request failed", e);
              response.error(ResponseCode.SERVER_ERROR, "could not read the chain");
            }
          });
    } catch (RejectedExecutionException e) {
      response.error(ResponseCode.RESOURCE_UNAVAILABLE, "busy");
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
