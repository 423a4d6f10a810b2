package io.basalt.node.rpc.node;

import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.signing.SigningHelpers;
import io.basalt.networking.host.Connection;
import io.basalt.networking.identity.PeerId;
import io.basalt.networking.multiaddr.Multiaddr;
import io.basalt.node.chain.NodeChain;
import io.basalt.node.p2p.P2PNetwork;
import io.basalt.node.p2p.StatusMessage;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/** {@link NodeRpcData} over the node's chains and p2p network. */
public final class NetworkNodeRpcData implements NodeRpcData {

  private final NodeChain<PeerId> chain;
  private final P2PNetwork network;
  private final String clientVersion;
  private final Bytes32 genesisValidatorsRoot;

  public NetworkNodeRpcData(NodeChain<PeerId> chain, P2PNetwork network, String clientVersion) {
    this.chain = chain;
    this.network = network;
    this.clientVersion = clientVersion;
    this.genesisValidatorsRoot =
        chain.executor().call(() -> chain.beacon().headState().genesisValidatorsRoot());
  }

  @Override
  public Info info() {
    SpecConfig config = chain.config();
    List<BigInteger> chainIds = new ArrayList<>();
    for (int shard = 0; shard < config.shardCount(); shard++) {
      chainIds.add(config.chainId(ShardId.of(shard)).toBigInteger());
    }
    return new Info(
        clientVersion,
        network.peerId().toBase58(),
        network.listenAddresses().stream().map(Multiaddr::toString).toList(),
        new SigningHelpers()
            .computeForkDigest(config.genesisForkVersion(), genesisValidatorsRoot)
            .bytes(),
        chain.beacon().store().genesisTime().longValue(),
        genesisValidatorsRoot,
        config.shardCount(),
        chainIds);
  }

  @Override
  public List<Peer> peers() {
    List<Peer> peers = new ArrayList<>();
    for (PeerId peer : network.peers()) {
      Optional<Connection> connection = network.connections(peer).stream().findFirst();
      peers.add(
          new Peer(
              peer.toBase58(),
              connection.map(c -> c.remoteAddress().toString()),
              connection.map(c -> c.direction().name().toLowerCase(Locale.ROOT)),
              network.peerStatus(peer).map(NetworkNodeRpcData::status),
              network.peerScore(peer)));
    }
    return peers;
  }

  private static PeerStatus status(StatusMessage status) {
    return new PeerStatus(
        status.headRoot(), status.headSlot(), status.finalizedRoot(), status.finalizedEpoch());
  }

  @Override
  public Sync sync() {
    NodeChain.Status status = chain.status();
    Slot target = status.currentSlot();
    for (PeerId peer : network.peers()) {
      Optional<StatusMessage> peerStatus = network.peerStatus(peer);
      if (peerStatus.isPresent() && peerStatus.get().headSlot().isAfter(target)) {
        target = peerStatus.get().headSlot();
      }
    }
    List<Slot> shards = new ArrayList<>();
    for (long height : status.shardHeights()) {
      shards.add(Slot.of(height));
    }
    return new Sync(network.isSyncing(), status.headSlot(), target, shards);
  }
}
