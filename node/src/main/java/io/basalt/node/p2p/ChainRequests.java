package io.basalt.node.p2p;

import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.common.ssz.SszTypes;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.networking.identity.PeerId;
import io.basalt.networking.peers.Misbehaviour;
import io.basalt.networking.peers.MisbehaviourReporter;
import io.basalt.networking.reqresp.ReqResp;
import io.basalt.networking.reqresp.ReqRespProtocol;
import io.basalt.shard.datastructures.SignedShardBlock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Typed requests to a peer. Responses are decoded and checked against the request (blocks inside
 * the asked range with increasing slots, only roots that were asked); a response that fails is
 * reported ({@link Misbehaviour#LOW_TOLERANCE}) and the future fails with a {@link
 * MalformedMessageException}. Transport failures come as the networking layer's {@code
 * ReqRespException}.
 */
final class ChainRequests {

  private final ReqResp reqResp;
  private final SszCodecs codecs;
  private final MisbehaviourReporter reporter;
  private final int attestationSubnets;

  ChainRequests(
      ReqResp reqResp, SszCodecs codecs, MisbehaviourReporter reporter, int attestationSubnets) {
    this.reqResp = reqResp;
    this.codecs = codecs;
    this.reporter = reporter;
    this.attestationSubnets = attestationSubnets;
  }

  CompletableFuture<StatusMessage> status(PeerId peer, StatusMessage ours) {
    return single(peer, ChainProtocols.STATUS, ours.encode(), codecs::decodeStatus);
  }

  CompletableFuture<List<SignedBeaconBlock>> beaconBlocksByRange(
      PeerId peer, Slot start, int count) {
    Bytes request = BlocksByRangeRequest.SSZ.serialize(BlocksByRangeRequest.of(start, count));
    return many(peer, ChainProtocols.BEACON_BLOCKS_BY_RANGE, request, codecs::decodeBeaconBlock)
        .thenApply(
            blocks ->
                checked(peer, () -> checkRange(blocks, b -> b.message().slot(), start, count)));
  }

  CompletableFuture<List<SignedBeaconBlock>> beaconBlocksByRoot(PeerId peer, List<Bytes32> roots) {
    return byRoot(
        peer,
        ChainProtocols.BEACON_BLOCKS_BY_ROOT,
        roots,
        codecs::decodeBeaconBlock,
        codecs::beaconBlockRoot);
  }

  CompletableFuture<List<SignedShardBlock>> shardBlocksByRoot(PeerId peer, List<Bytes32> roots) {
    return byRoot(
        peer,
        ChainProtocols.SHARD_BLOCKS_BY_ROOT,
        roots,
        codecs::decodeShardBlock,
        SignedShardBlock::root);
  }

  /**
   * Blocks asked by root (1 to {@link ChainProtocols#MAX_REQUEST_BLOCKS} roots, else a failed
   * future); a peer serving one that was not asked is reported.
   */
  private <B> CompletableFuture<List<B>> byRoot(
      PeerId peer,
      ReqRespProtocol protocol,
      List<Bytes32> roots,
      Function<Bytes, B> decoder,
      Function<B, Bytes32> rootOf) {
    if (roots.isEmpty() || roots.size() > ChainProtocols.MAX_REQUEST_BLOCKS) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException(
              "1.." + ChainProtocols.MAX_REQUEST_BLOCKS + " roots, got " + roots.size()));
    }
    Set<Bytes32> asked = new HashSet<>(roots);
    return many(peer, protocol, ChainRequestServer.ROOTS.serialize(roots), decoder)
        .thenApply(
            blocks ->
                checked(
                    peer,
                    () -> {
                      for (B block : blocks) {
                        if (!asked.contains(rootOf.apply(block))) {
                          throw new MalformedMessageException("served a block not asked for");
                        }
                      }
                      return blocks;
                    }));
  }

  CompletableFuture<List<SignedShardBlock>> shardBlocksByRange(
      PeerId peer, ShardId shard, Slot start, int count) {
    Bytes request =
        ShardBlocksByRangeRequest.SSZ.serialize(
            new ShardBlocksByRangeRequest(shard, start, UInt64.valueOf(count)));
    return many(peer, ChainProtocols.SHARD_BLOCKS_BY_RANGE, request, codecs::decodeShardBlock)
        .thenApply(
            blocks ->
                checked(
                    peer,
                    () -> {
                      for (SignedShardBlock block : blocks) {
                        if (!block.message().header().shard().equals(shard)) {
                          throw new MalformedMessageException("served a block of another shard");
                        }
                      }
                      return checkRange(blocks, b -> b.message().header().slot(), start, count);
                    }));
  }

  /** Sends our metadata sequence number; completes with the peer's. */
  CompletableFuture<UInt64> ping(PeerId peer, UInt64 seqNumber) {
    return single(
        peer,
        ChainProtocols.PING,
        SszTypes.UINT64.serialize(seqNumber),
        bytes -> SszCodecs.decode(SszTypes.UINT64, bytes, "ping"));
  }

  CompletableFuture<MetaData> metadata(PeerId peer) {
    return single(
        peer,
        ChainProtocols.metadata(attestationSubnets),
        Bytes.EMPTY,
        bytes -> SszCodecs.decode(MetaData.schema(attestationSubnets), bytes, "metadata"));
  }

  private static <T> List<T> checkRange(
      List<T> blocks, Function<T, Slot> slotOf, Slot start, int count) {
    Slot end = start.plus(count);
    Slot previous = null;
    for (T block : blocks) {
      Slot slot = slotOf.apply(block);
      if (slot.isBefore(start) || !slot.isBefore(end)) {
        throw new MalformedMessageException("block at slot " + slot + " outside the range asked");
      }
      if (previous != null && !slot.isAfter(previous)) {
        throw new MalformedMessageException("blocks not in increasing slot order");
      }
      previous = slot;
    }
    return blocks;
  }

  private <T> T checked(PeerId peer, java.util.function.Supplier<T> check) {
    try {
      return check.get();
    } catch (MalformedMessageException e) {
      reporter.report(peer, Misbehaviour.LOW_TOLERANCE, e.getMessage());
      throw e;
    }
  }

  private <T> CompletableFuture<T> single(
      PeerId peer, ReqRespProtocol protocol, Bytes request, Function<Bytes, T> decoder) {
    return many(peer, protocol, request, decoder)
        .thenApply(
            values ->
                checked(
                    peer,
                    () -> {
                      if (values.size() != 1) {
                        throw new MalformedMessageException(
                            values.size() + " chunks for " + protocol.protocolId());
                      }
                      return values.get(0);
                    }));
  }

  private <T> CompletableFuture<List<T>> many(
      PeerId peer, ReqRespProtocol protocol, Bytes request, Function<Bytes, T> decoder) {
    return reqResp
        .request(peer, protocol, request.toArrayUnsafe())
        .thenApply(
            chunks ->
                checked(
                    peer,
                    () -> {
                      List<T> values = new ArrayList<>(chunks.size());
                      for (byte[] chunk : chunks) {
                        values.add(decoder.apply(Bytes.wrap(chunk)));
                      }
                      return values;
                    }));
  }
}
