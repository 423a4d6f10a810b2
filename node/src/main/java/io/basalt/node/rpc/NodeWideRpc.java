package io.basalt.node.rpc;

import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.networking.identity.PeerId;
import io.basalt.node.chain.ChainEventBus;
import io.basalt.node.chain.NodeChain;
import io.basalt.node.p2p.P2PNetwork;
import io.basalt.node.rpc.beacon.BeaconGetBlock;
import io.basalt.node.rpc.beacon.BeaconGetCommittees;
import io.basalt.node.rpc.beacon.BeaconGetCrosslinks;
import io.basalt.node.rpc.beacon.BeaconGetFinalityCheckpoints;
import io.basalt.node.rpc.beacon.BeaconGetHead;
import io.basalt.node.rpc.beacon.BeaconGetProposerDuties;
import io.basalt.node.rpc.beacon.BeaconGetValidator;
import io.basalt.node.rpc.beacon.BeaconGetValidators;
import io.basalt.node.rpc.beacon.BeaconRpcData;
import io.basalt.node.rpc.beacon.BeaconSubmitVoluntaryExit;
import io.basalt.node.rpc.beacon.ChainBeaconRpcData;
import io.basalt.node.rpc.beacon.FinalizedCheckpointSubscriptionKind;
import io.basalt.node.rpc.beacon.HeadSubscriptionKind;
import io.basalt.node.rpc.node.NetworkNodeRpcData;
import io.basalt.node.rpc.node.NodeInfo;
import io.basalt.node.rpc.node.NodePeers;
import io.basalt.node.rpc.node.NodeRpcData;
import io.basalt.node.rpc.node.NodeSyncing;
import io.basalt.node.rpc.shard.ChainCrossShardTransferData;
import io.basalt.node.rpc.shard.CrossShardTransferData;
import io.basalt.node.rpc.shard.ShardGetCrossShardTransfer;
import io.basalt.node.rpc.subscription.SubscriptionKind;
import java.util.List;

/**
 * The node-wide JSON-RPC namespaces ({@code beacon_*}, {@code node_*} and {@code
 * shard_getCrossShardTransfer}) and the beacon event subscriptions ({@code head}, {@code
 * finalized_checkpoint}), for the server to serve next to the per-shard methods.
 */
public final class NodeWideRpc {

  private final List<RpcMethod> methods;
  private final List<SubscriptionKind> subscriptionKinds;

  private NodeWideRpc(List<RpcMethod> methods, List<SubscriptionKind> subscriptionKinds) {
    this.methods = List.copyOf(methods);
    this.subscriptionKinds = List.copyOf(subscriptionKinds);
  }

  /**
   * @param clientVersion what {@code node_info} reports, e.g. {@code basalt/v0.1.0/java-21}
   */
  public static NodeWideRpc create(
      NodeChain<PeerId> chain, P2PNetwork network, ChainEventBus events, String clientVersion) {
    BeaconRpcData beacon = new ChainBeaconRpcData(chain, network::publishVoluntaryExit);
    NodeRpcData node = new NetworkNodeRpcData(chain, network, clientVersion);
    return create(beacon, node, new ChainCrossShardTransferData(chain), events);
  }

  /** Over other data providers (tests). */
  static NodeWideRpc create(
      BeaconRpcData beacon,
      NodeRpcData node,
      CrossShardTransferData transfers,
      ChainEventBus events) {
    // Its own accessors: the shuffling cache is thread-safe, and RPC threads then do not compete
    // with the chain thread's cache.
    BeaconStateAccessors accessors = new BeaconStateAccessors(beacon.config());
    return new NodeWideRpc(
        List.of(
            new BeaconGetHead(beacon),
            new BeaconGetFinalityCheckpoints(beacon),
            new BeaconGetBlock(beacon),
            new BeaconGetValidator(beacon),
            new BeaconGetValidators(beacon),
            new BeaconGetCommittees(beacon, accessors),
            new BeaconGetProposerDuties(beacon, accessors),
            new BeaconGetCrosslinks(beacon),
            new BeaconSubmitVoluntaryExit(beacon),
            new ShardGetCrossShardTransfer(transfers),
            new NodeInfo(node),
            new NodePeers(node),
            new NodeSyncing(node)),
        List.of(
            new HeadSubscriptionKind(events, beacon),
            new FinalizedCheckpointSubscriptionKind(events)));
  }

  public List<RpcMethod> methods() {
    return methods;
  }

  public List<SubscriptionKind> subscriptionKinds() {
    return subscriptionKinds;
  }
}
