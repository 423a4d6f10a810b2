package io.basalt.node.p2p;

import io.basalt.networking.reqresp.RateLimit;
import io.basalt.networking.reqresp.ReqRespProtocol;
import java.time.Duration;

/**
 * The request/response methods of the chain ({@code /basalt/req/<name>/1/ssz_snappy}), with their
 * size bounds and per-peer rate limits. Limits are generous enough for range sync (a batch a peer
 * at a time) and tight enough that one peer cannot keep our chain database busy.
 */
final class ChainProtocols {

  /** Most blocks (or roots) one request may ask for ({@code MAX_REQUEST_BLOCKS} here). */
  static final int MAX_REQUEST_BLOCKS = 64;

  /** Largest block chunk, as the gossip limit. */
  static final int MAX_BLOCK_BYTES = TopicKind.BEACON_BLOCK.maxUncompressedBytes();

  private static final Duration FIRST_BYTE = Duration.ofSeconds(5);
  private static final Duration RESPONSE = Duration.ofSeconds(10);

  static final ReqRespProtocol STATUS =
      protocol("status", StatusMessage.SIZE, StatusMessage.SIZE, 1, new RateLimit(5, 0.5));
  static final ReqRespProtocol BEACON_BLOCKS_BY_RANGE =
      protocol(
          "beacon_blocks_by_range",
          BlocksByRangeRequest.SIZE,
          MAX_BLOCK_BYTES,
          MAX_REQUEST_BLOCKS,
          new RateLimit(32, 8));
  static final ReqRespProtocol BEACON_BLOCKS_BY_ROOT =
      protocol(
          "beacon_blocks_by_root",
          32 * MAX_REQUEST_BLOCKS,
          MAX_BLOCK_BYTES,
          MAX_REQUEST_BLOCKS,
          new RateLimit(32, 8));
  static final ReqRespProtocol SHARD_BLOCKS_BY_RANGE =
      protocol(
          "shard_blocks_by_range",
          ShardBlocksByRangeRequest.SIZE,
          MAX_BLOCK_BYTES,
          MAX_REQUEST_BLOCKS,
          new RateLimit(64, 16));
  static final ReqRespProtocol SHARD_BLOCKS_BY_ROOT =
      protocol(
          "shard_blocks_by_root",
          32 * MAX_REQUEST_BLOCKS,
          MAX_BLOCK_BYTES,
          MAX_REQUEST_BLOCKS,
          new RateLimit(64, 16));
  static final ReqRespProtocol PING = protocol("ping", 8, 8, 1, new RateLimit(5, 1));

  private ChainProtocols() {}

  static ReqRespProtocol metadata(int attestationSubnets) {
    return protocol("metadata", 0, MetaData.size(attestationSubnets), 1, new RateLimit(5, 1));
  }

  private static ReqRespProtocol protocol(
      String name, int maxRequest, int maxResponse, int chunks, RateLimit limit) {
    return new ReqRespProtocol(
        "/basalt/req/" + name + "/1/ssz_snappy",
        maxRequest,
        maxResponse,
        chunks,
        FIRST_BYTE,
        RESPONSE,
        limit);
  }
}
