package io.basalt.node;

import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.datastructures.operations.SignedAggregateAndProof;
import io.basalt.consensus.types.Attestation;
import io.basalt.node.chain.NodeChain;
import io.basalt.node.p2p.P2PNetwork;
import io.basalt.shard.datastructures.SignedShardBlock;

/** Our own messages onto their gossip topics (attestations on their shard's subnet). */
record NetworkPublisher(P2PNetwork network) implements NodeChain.Publisher {

  @Override
  public void beaconBlock(SignedBeaconBlock block) {
    network.publishBeaconBlock(block);
  }

  @Override
  public void attestation(Attestation attestation) {
    network.publishAttestation(attestation.data().shard().id(), attestation);
  }

  @Override
  public void aggregate(SignedAggregateAndProof aggregate) {
    network.publishAggregateAndProof(aggregate);
  }

  @Override
  public void shardBlock(SignedShardBlock block) {
    network.publishShardBlock(block);
  }
}
