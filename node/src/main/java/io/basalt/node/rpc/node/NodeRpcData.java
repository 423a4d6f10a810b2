package io.basalt.node.rpc.node;

import io.basalt.common.types.Epoch;
import io.basalt.common.types.Slot;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/** What the {@code node_*} methods read of the node: identity, peers and sync. */
public interface NodeRpcData {

  record Info(
      String clientVersion,
      String peerId,
      List<String> listenAddresses,
      Bytes forkDigest,
      long genesisTime,
      Bytes32 genesisValidatorsRoot,
      int shardCount,
      List<BigInteger> chainIds) {}

  /** A peer's last status handshake. */
  record PeerStatus(Bytes32 headRoot, Slot headSlot, Bytes32 finalizedRoot, Epoch finalizedEpoch) {}

  /**
   * A connected peer.
   *
   * @param address its transport address as we see it, if a connection is open
   * @param direction {@code inbound} or {@code outbound}, if known
   */
  record Peer(
      String peerId,
      Optional<String> address,
      Optional<String> direction,
      Optional<PeerStatus> status,
      int score) {}

  /**
   * The node's sync position.
   *
   * @param syncing whether range sync runs
   * @param targetSlot the highest of the wall clock's slot and the peers' head slots
   * @param shardHeadSlots each shard's head slot
   */
  record Sync(boolean syncing, Slot headSlot, Slot targetSlot, List<Slot> shardHeadSlots) {}

  Info info();

  List<Peer> peers();

  Sync sync();
}
