package io.basalt.node.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.datastructures.blocks.BeaconBlock;
import io.basalt.beacon.datastructures.blocks.BeaconBlockBody;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.common.crypto.bls.Bls;
import io.basalt.common.crypto.bls.BlsSecretKey;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.signing.SigningHelpers;
import io.basalt.consensus.types.Attestation;
import io.basalt.consensus.types.Bytes4;
import io.basalt.networking.identity.PeerId;
import io.basalt.networking.multiaddr.Multiaddr;
import io.basalt.node.genesis.DevAccounts;
import io.basalt.node.genesis.GenesisFiles;
import io.basalt.node.genesis.NodeGenesis;
import io.basalt.node.p2p.SszCodecs;
import io.basalt.node.p2p.TestPeer;
import io.basalt.node.p2p.TopicKind;
import io.basalt.node.validator.keys.Eip2333;
import io.basalt.node.validator.keys.Eip2334;
import io.basalt.node.validator.keys.Mnemonics;
import io.basalt.shard.datastructures.ShardSchemas;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad gossip against a running validator node (one OS process holding all 64 validators), sent by
 * peers in this JVM over real sockets: garbage, an oversized message, a beacon block with a bad
 * signature and an attestation with a bad signature are each rejected (counted per topic, logged
 * with the reason) and their sender drops out of the node's gossip mesh (its score went negative);
 * a future-slot block and a correctly signed block with an unknown parent are ignored with their
 * reason, the parent is asked of the sender, and that sender is not penalised. The node stays up,
 * keeps producing blocks and finalizes again.
 */
class BadInputProcessTest {

  private static final String GOSSIP = "basalt_gossip_messages_total";

  @TempDir Path temp;

  @Test
  void badGossipIsRejectedOrIgnoredWithReasonsTheSendersPenalisedAndTheNodeGoesOn()
      throws Exception {
    List<TestPeer> peers = new ArrayList<>();
    try (LocalNetwork net = LocalNetwork.create(temp, 1, 64, 10)) {
      NodeProcess node = net.start(0);
      ProcessWaits.await(
          net, "node produces blocks", () -> node.metric("basalt_head_slot").orElse(-1) >= 3, 120);

      NodeGenesis genesis = GenesisFiles.read(net.genesisDir());
      SpecConfig config = genesis.config();
      Bytes32 validatorsRoot = genesis.state().genesisValidatorsRoot();
      Bytes4 digest =
          new SigningHelpers().computeForkDigest(config.genesisForkVersion(), validatorsRoot);
      SszCodecs codecs = new SszCodecs(genesis.state().schemas(), new ShardSchemas(config));
      LocalNetwork.NodeSetup setup = net.setup(0);
      PeerId nodeId = setup.peerId();
      Multiaddr address =
          Multiaddr.parse("/ip4/127.0.0.1/tcp/" + setup.p2pPort() + "/p2p/" + nodeId);

      TestPeer ignored = TestPeer.start(codecs, digest);
      TestPeer oversizer = TestPeer.start(codecs, digest);
      TestPeer forger = TestPeer.start(codecs, digest);
      TestPeer attestationForger = TestPeer.start(codecs, digest);
      peers.addAll(List.of(ignored, oversizer, forger, attestationForger));
      for (TestPeer peer : peers) {
        peer.connect(address);
      }
      ProcessWaits.await(
          net,
          "every test peer meshed with the node on beacon_block and attestation subnet 0",
          () ->
              peers.stream()
                  .allMatch(
                      p ->
                          p.inMesh(nodeId, TopicKind.BEACON_BLOCK, 0)
                              && p.inMesh(nodeId, TopicKind.ATTESTATION, 0)),
          60);
      ProcessWaits.await(
          net,
          "a block and an attestation of shard 0 heard from the node",
          () ->
              !ignored.gossipBlocks().isEmpty()
                  && attestationForger.gossipAttestations().stream()
                      .anyMatch(a -> a.data().shard().id() == 0),
          60);
      SignedBeaconBlock honest = ignored.gossipBlocks().getLast();
      Attestation heard =
          attestationForger.gossipAttestations().stream()
              .filter(a -> a.data().shard().id() == 0)
              .reduce((a, b) -> b)
              .orElseThrow();

      // Ignored, with the sender not at fault: a block far in the future, a block whose parent is
      // unknown (each correctly signed by the proposer it names).
      BlockSigner signer = new BlockSigner(config, validatorsRoot, codecs);
      double ignoredBefore = gossip(node, "beacon_block", "ignore");
      BeaconBlock message = honest.message();
      SignedBeaconBlock future =
          signer.sign(
              new BeaconBlock(
                  message.slot().plus(1000),
                  message.proposerIndex(),
                  message.parentRoot(),
                  message.stateRoot(),
                  message.body()));
      Bytes32 unknownParent = Bytes32.repeat((byte) 0x5a);
      SignedBeaconBlock orphan =
          signer.sign(
              new BeaconBlock(
                  message.slot(),
                  message.proposerIndex(),
                  unknownParent,
                  message.stateRoot(),
                  message.body()));
      ignored.publishBeaconBlock(future);
      ignored.publishBeaconBlock(orphan);
      ProcessWaits.await(
          net,
          "both blocks ignored and the unknown parent asked of its sender",
          () ->
              gossip(node, "beacon_block", "ignore") >= ignoredBefore + 2
                  && ignored.rootsAskedFor().contains(unknownParent),
          30);
      assertThat(node.logText())
          .contains("IGNORE from " + ignored.peerId() + " on beacon_block: FUTURE_SLOT");

      // Rejected: each from its own sender (after one invalid message a sender is graylisted and
      // its later messages are dropped unread).
      double rejectedBefore = gossip(node, "beacon_block", "reject");
      oversizer
          .publishRaw(
              TopicKind.BEACON_BLOCK,
              0,
              new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0xc0, 0x05, 0})
          .get(5, TimeUnit.SECONDS);
      SignedBeaconBlock forged =
          new SignedBeaconBlock(
              new BeaconBlock(
                  message.slot(),
                  message.proposerIndex(),
                  message.parentRoot(),
                  message.stateRoot(),
                  withGraffiti(message.body(), Bytes32.repeat((byte) 0x66))),
              honest.signature());
      forger.publishBeaconBlock(forged);
      BlsSecretKey stranger = BlsSecretKey.fromScalar(java.math.BigInteger.valueOf(424242));
      Attestation badSignature =
          new Attestation(
              heard.aggregationBits(),
              heard.data(),
              Bls.sign(stranger, Bytes.of(1, 2, 3)).toBytes());
      attestationForger.publishAttestation(0, badSignature);
      ProcessWaits.await(
          net,
          "oversized and forged blocks and the forged attestation rejected",
          () ->
              gossip(node, "beacon_block", "reject") >= rejectedBefore + 2
                  && gossip(node, "beacon_attestation_0", "reject") >= 1,
          30);
      // The garbage comes last from the peer whose ignored blocks must not have cost it anything.
      Thread.sleep(3000); // a few gossip heartbeats: a penalised peer would be pruned by now
      assertThat(ignored.inMesh(nodeId, TopicKind.BEACON_BLOCK, 0))
          .as("a peer whose blocks were only ignored stays in the node's mesh")
          .isTrue();
      ignored
          .publishRaw(TopicKind.BEACON_BLOCK, 0, new byte[] {7, 1, 2, 3, 4, 5, 6, 7, 8})
          .get(5, TimeUnit.SECONDS);
      ProcessWaits.await(
          net,
          "garbage rejected",
          () -> gossip(node, "beacon_block", "reject") >= rejectedBefore + 3,
          30);
      assertThat(node.logText())
          .contains("INVALID_PROPOSER_SIGNATURE")
          .contains("invalid signature")
          .contains("REJECT from " + oversizer.peerId() + " on beacon_block: payload of")
          .contains("REJECT from " + ignored.peerId() + " on beacon_block: ")
          .contains("IGNORE from " + ignored.peerId() + " on beacon_block: UNKNOWN_PARENT");

      // Every rejected sender's score went negative: the node prunes it from its meshes and
      // refuses its grafts, which its own side sees as the node leaving its mesh.
      ProcessWaits.await(
          net,
          "every rejected sender out of the node's beacon_block mesh",
          () -> peers.stream().noneMatch(p -> p.inMesh(nodeId, TopicKind.BEACON_BLOCK, 0)),
          30);

      double head = node.metric("basalt_head_slot").orElseThrow();
      double finalized = node.metric("basalt_finalized_epoch").orElseThrow();
      ProcessWaits.await(
          net,
          "the node keeps producing blocks and finalizes again",
          () ->
              node.metric("basalt_head_slot").orElse(-1) >= head + 4
                  && node.metric("basalt_finalized_epoch").orElse(-1) >= finalized + 1,
          120);
      assertThat(node.isAlive()).isTrue();
    } finally {
      peers.forEach(TestPeer::close);
    }
  }

  /** How many gossip messages of {@code topic} the node counted with {@code result}. */
  private static double gossip(NodeProcess node, String topic, String result) {
    return node.metric(GOSSIP, "topic", topic, "result", result).orElse(0);
  }

  private static BeaconBlockBody withGraffiti(BeaconBlockBody body, Bytes32 graffiti) {
    return new BeaconBlockBody(
        body.randaoReveal(),
        graffiti,
        body.proposerSlashings(),
        body.attesterSlashings(),
        body.attestations(),
        body.deposits(),
        body.voluntaryExits(),
        body.shardHeaders(),
        body.stakingReceipts());
  }

  /** Signs blocks with the genesis validators' keys (derived from the development mnemonic). */
  private record BlockSigner(SpecConfig config, Bytes32 validatorsRoot, SszCodecs codecs) {

    SignedBeaconBlock sign(BeaconBlock block) {
      BlsSecretKey key =
          Eip2333.deriveKey(
              Mnemonics.seed(DevAccounts.DEV_MNEMONIC),
              Eip2334.signingKeyPath(block.proposerIndex().intValue()));
      SigningHelpers signing = new SigningHelpers();
      Bytes32 domain =
          signing.computeDomain(
              config.domainBeaconProposer(), config.genesisForkVersion(), validatorsRoot);
      Bytes32 root = codecs.beaconBlockRoot(new SignedBeaconBlock(block, Bytes.wrap(new byte[96])));
      return new SignedBeaconBlock(
          block, Bls.sign(key, signing.computeSigningRoot(root, domain)).toBytes());
    }
  }
}
