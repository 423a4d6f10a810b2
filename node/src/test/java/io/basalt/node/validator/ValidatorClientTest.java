package io.basalt.node.validator;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.chain.ChainFixture;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.datastructures.operations.AggregateAndProof;
import io.basalt.beacon.datastructures.operations.SignedAggregateAndProof;
import io.basalt.beacon.datastructures.shard.ShardBlockHeader;
import io.basalt.beacon.helpers.AggregatorSelection;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.crypto.bls.Bls;
import io.basalt.common.crypto.bls.BlsPublicKey;
import io.basalt.common.crypto.bls.BlsSignature;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.signing.SigningHelpers;
import io.basalt.consensus.types.Attestation;
import io.basalt.consensus.types.AttestationData;
import io.basalt.node.validator.doppelganger.DoppelgangerConfig;
import io.basalt.node.validator.duties.DutyKind;
import io.basalt.shard.datastructures.SignedShardBlock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class ValidatorClientTest {

  private static final SpecConfig CONFIG = ChainFixture.CONFIG;
  private final BeaconStateAccessors accessors = new BeaconStateAccessors(CONFIG);
  private final SigningHelpers signing = new SigningHelpers();

  @Test
  void shouldProposeBlocksSignedWithTheProposerDomainThatTheChainImports() {
    ValidatorClientHarness h = new ValidatorClientHarness(DoppelgangerConfig.DISABLED);
    List<BeaconState> dutyStates = new ArrayList<>();
    for (long slot = 1; slot <= 4; slot++) {
      dutyStates.add(h.api.dutyState(Slot.of(slot)).orElseThrow());
      h.runSlot(slot);
    }

    assertThat(h.api.publishedBlocks).hasSize(4);
    assertThat(h.api.importResults).allMatch(r -> r.isAccepted());
    assertThat(h.api.headState().slot()).isEqualTo(Slot.of(4));
    for (int i = 0; i < 4; i++) {
      SignedBeaconBlock signed = h.api.publishedBlocks.get(i);
      BeaconState duty = dutyStates.get(i);
      assertThat(signed.message().slot()).isEqualTo(Slot.of(i + 1));
      assertThat(signed.message().proposerIndex())
          .isEqualTo(accessors.getBeaconProposerIndex(duty));
      Bytes32 domain =
          accessors.getDomain(duty, CONFIG.domainBeaconProposer(), accessors.getCurrentEpoch(duty));
      Bytes32 root =
          signing.computeSigningRoot(duty.schemas().beaconBlock(), signed.message(), domain);
      assertThat(verify(signed.message().proposerIndex(), root, signed.signature().toArray()))
          .isTrue();
    }
    assertThat(h.metrics.performed(DutyKind.BLOCK_PROPOSAL)).isEqualTo(4);
    assertThat(h.protection.blockChecks).isEqualTo(4);
  }

  @Test
  void shouldProposeShardBlocksForEachShardWithACommitteeSignedWithTheShardDomain() {
    ValidatorClientHarness h = new ValidatorClientHarness(DoppelgangerConfig.DISABLED);
    BeaconState duty = h.api.dutyState(Slot.of(1)).orElseThrow();
    h.runSlot(1);

    int withCommittee = 0;
    for (int shard = 0; shard < CONFIG.shardCount(); shard++) {
      if (!accessors.getBeaconCommittee(duty, Slot.of(1), ShardId.of(shard)).isEmpty()) {
        withCommittee++;
      }
    }
    assertThat(withCommittee).isPositive();
    assertThat(h.api.publishedShardBlocks).hasSize(withCommittee);
    for (SignedShardBlock block : h.api.publishedShardBlocks) {
      ShardBlockHeader header = block.message().header();
      assertThat(header.proposerIndex())
          .isEqualTo(accessors.getShardProposerIndex(duty, Slot.of(1), header.shard()));
      Bytes32 domain = accessors.getDomain(duty, CONFIG.domainShardProposer(), Epoch.ZERO);
      Bytes32 root = signing.computeSigningRoot(header.hashTreeRoot(), domain);
      assertThat(verify(header.proposerIndex(), root, block.signature().toArray())).isTrue();
    }
    assertThat(h.metrics.performed(DutyKind.SHARD_PROPOSAL)).isEqualTo(withCommittee);
  }

  @Test
  void shouldAttestWithEveryCommitteeMemberExactlyOncePerSlot() {
    ValidatorClientHarness h = new ValidatorClientHarness(DoppelgangerConfig.DISABLED);
    h.api.tick(Slot.of(1));
    h.client.onSlotStart(Slot.of(1));
    BeaconState duty = h.api.dutyState(Slot.of(1)).orElseThrow();
    h.client.onAttestationDue(Slot.of(1));
    h.client.onAttestationDue(Slot.of(1)); // a repeated tick must not sign again

    Set<ValidatorIndex> expected = new HashSet<>();
    for (int shard = 0; shard < CONFIG.shardCount(); shard++) {
      expected.addAll(accessors.getBeaconCommittee(duty, Slot.of(1), ShardId.of(shard)));
    }
    List<ValidatorIndex> attesters = new ArrayList<>();
    for (Attestation attestation : h.api.publishedAttestations) {
      assertThat(attestation.aggregationBits().bitCount()).isEqualTo(1);
      List<ValidatorIndex> indices = accessors.getAttestingIndices(duty, attestation);
      attesters.addAll(indices);
      AttestationData data = attestation.data();
      assertThat(data).isEqualTo(h.api.attestationData(Slot.of(1), data.shard()));
      assertThat(data.beaconBlockRoot()).isEqualTo(h.api.head());
      Bytes32 domain =
          accessors.getDomain(duty, CONFIG.domainBeaconAttester(), data.target().epoch());
      Bytes32 root = signing.computeSigningRoot(data.hashTreeRoot(), domain);
      assertThat(verify(indices.get(0), root, attestation.signature().toArray())).isTrue();
    }
    assertThat(attesters).doesNotHaveDuplicates();
    assertThat(new HashSet<>(attesters)).isEqualTo(expected);
    assertThat(h.metrics.performed(DutyKind.ATTESTATION)).isEqualTo(expected.size());
  }

  @Test
  void shouldPublishAggregatesOfSelectedAggregatorsWithBothSignaturesValid() {
    ValidatorClientHarness h = new ValidatorClientHarness(DoppelgangerConfig.DISABLED);
    BeaconState duty = h.api.dutyState(Slot.of(1)).orElseThrow();
    h.runSlot(1);
    AggregatorSelection selection = new AggregatorSelection(CONFIG, accessors);
    Bytes32 selectionRoot = selection.selectionProofSigningRoot(duty, Slot.of(1));

    int selected = 0;
    for (int shard = 0; shard < CONFIG.shardCount(); shard++) {
      List<ValidatorIndex> committee =
          accessors.getBeaconCommittee(duty, Slot.of(1), ShardId.of(shard));
      for (ValidatorIndex member : committee) {
        BlsSignature proof =
            Bls.sign(ValidatorClientHarness.key(member.intValue()).secretKey(), selectionRoot);
        if (selection.isAggregator(committee.size(), proof.toBytes())) {
          selected++;
        }
      }
    }
    assertThat(selected).isPositive();
    assertThat(h.api.publishedAggregates).hasSize(selected);
    for (SignedAggregateAndProof signed : h.api.publishedAggregates) {
      AggregateAndProof message = signed.message();
      ValidatorIndex aggregator = message.aggregatorIndex();
      assertThat(
              selection.isAggregator(
                  duty, Slot.of(1), message.aggregate().data().shard(), message.selectionProof()))
          .isTrue();
      assertThat(verify(aggregator, selectionRoot, message.selectionProof().toArray())).isTrue();
      Bytes32 domain = accessors.getDomain(duty, CONFIG.domainAggregateAndProof(), Epoch.ZERO);
      Bytes32 root =
          signing.computeSigningRoot(duty.schemas().aggregateAndProof(), message, domain);
      assertThat(verify(aggregator, root, signed.signature().toArray())).isTrue();
      // The aggregate is the whole committee's vote, including the aggregator's own.
      List<ValidatorIndex> attesters = accessors.getAttestingIndices(duty, message.aggregate());
      assertThat(attesters).contains(aggregator);
      assertThat(attesters)
          .hasSameSizeAs(
              accessors.getBeaconCommittee(duty, Slot.of(1), message.aggregate().data().shard()));
    }
    assertThat(h.metrics.performed(DutyKind.AGGREGATION)).isEqualTo(selected);
  }

  @Test
  void shouldPublishNothingWhenSlashingProtectionRefuses() {
    ValidatorClientHarness h = new ValidatorClientHarness(DoppelgangerConfig.DISABLED);
    h.protection.refuseAll = true;
    h.runSlots(1, 2);

    assertThat(h.api.publishedBlocks).isEmpty();
    assertThat(h.api.publishedAttestations).isEmpty();
    assertThat(h.api.publishedShardBlocks).isEmpty();
    assertThat(h.api.publishedAggregates).isEmpty();
    assertThat(h.protection.blockChecks).isEqualTo(2);
    assertThat(h.metrics.refused(DutyKind.BLOCK_PROPOSAL)).isEqualTo(2);
    assertThat(h.metrics.missed(DutyKind.BLOCK_PROPOSAL)).isEqualTo(2);
    assertThat(h.metrics.refused(DutyKind.ATTESTATION)).isEqualTo(h.protection.attestationChecks);
    assertThat(h.metrics.missed(DutyKind.ATTESTATION)).isEqualTo(h.protection.attestationChecks);
    assertThat(h.metrics.refused(DutyKind.SHARD_PROPOSAL)).isEqualTo(h.protection.shardBlockChecks);
  }

  @Test
  void shouldRefuseAConflictingBlockAfterARestartWithAStaleChainView() {
    MapSlashingProtection protection = new MapSlashingProtection();
    ValidatorClientHarness first =
        new ValidatorClientHarness(DoppelgangerConfig.DISABLED, protection, Bytes32.ZERO);
    first.runSlot(1);
    assertThat(first.api.publishedBlocks).hasSize(1);

    // Same keys and protection store, a node that never saw slot 1: its slot-1 block differs.
    ValidatorClientHarness restarted =
        new ValidatorClientHarness(
            DoppelgangerConfig.DISABLED, protection, Bytes32.repeat((byte) 0x42));
    restarted.runSlot(1);

    assertThat(restarted.api.publishedBlocks).isEmpty();
    assertThat(restarted.metrics.refused(DutyKind.BLOCK_PROPOSAL)).isEqualTo(1);
    // The stale node votes for genesis as head, the first for its slot-1 block: same target epoch,
    // other data, so every vote is a double vote and is refused.
    assertThat(first.api.publishedAttestations).isNotEmpty();
    assertThat(restarted.api.publishedAttestations).isEmpty();
    assertThat(restarted.metrics.refused(DutyKind.ATTESTATION))
        .isEqualTo(first.api.publishedAttestations.size());
  }

  @Test
  void shouldCountDutiesAsMissedWhileTheNodeIsSyncing() {
    ValidatorClientHarness h = new ValidatorClientHarness(DoppelgangerConfig.DISABLED);
    h.api.setSynced(false);
    int committeeMembers = 0;
    int shardProposals = 0;
    for (long slot = 1; slot <= CONFIG.slotsPerEpoch(); slot++) {
      BeaconState duty = h.api.dutyState(Slot.of(slot)).orElseThrow();
      for (int shard = 0; shard < CONFIG.shardCount(); shard++) {
        int size = accessors.getBeaconCommittee(duty, Slot.of(slot), ShardId.of(shard)).size();
        committeeMembers += size;
        shardProposals += size > 0 ? 1 : 0;
      }
      h.runSlot(slot);
    }

    assertThat(h.api.publishedBlocks).isEmpty();
    assertThat(h.api.publishedAttestations).isEmpty();
    assertThat(h.api.publishedShardBlocks).isEmpty();
    assertThat(h.protection.blockChecks + h.protection.attestationChecks).isZero();
    assertThat(h.metrics.missed(DutyKind.BLOCK_PROPOSAL)).isEqualTo(CONFIG.slotsPerEpoch());
    assertThat(h.metrics.missed(DutyKind.ATTESTATION)).isEqualTo(committeeMembers);
    assertThat(h.metrics.missed(DutyKind.SHARD_PROPOSAL)).isEqualTo(shardProposals);
    assertThat(h.metrics.performed).isEmpty();
  }

  @Test
  void shouldKeepEveryOtherDutyWhileOneShardIsSyncing() {
    ValidatorClientHarness h = new ValidatorClientHarness(DoppelgangerConfig.DISABLED);
    ShardId lagging = ShardId.of(1);
    h.api.setShardSyncing(lagging);
    int otherShardProposals = 0;
    int laggingProposals = 0;
    for (long slot = 1; slot <= CONFIG.slotsPerEpoch(); slot++) {
      BeaconState duty = h.api.dutyState(Slot.of(slot)).orElseThrow();
      for (int shard = 0; shard < CONFIG.shardCount(); shard++) {
        if (!accessors.getBeaconCommittee(duty, Slot.of(slot), ShardId.of(shard)).isEmpty()) {
          if (shard == lagging.id()) {
            laggingProposals++;
          } else {
            otherShardProposals++;
          }
        }
      }
      h.runSlot(slot);
    }

    assertThat(laggingProposals).isPositive();
    assertThat(h.api.publishedShardBlocks)
        .hasSize(otherShardProposals)
        .noneMatch(block -> block.message().header().shard().equals(lagging));
    assertThat(h.metrics.missed(DutyKind.SHARD_PROPOSAL)).isEqualTo(laggingProposals);
    assertThat(h.api.publishedBlocks).hasSize((int) CONFIG.slotsPerEpoch());
    assertThat(h.api.publishedAttestations).isNotEmpty();
    assertThat(h.metrics.missed(DutyKind.ATTESTATION)).isZero();
  }

  private static boolean verify(ValidatorIndex validator, Bytes32 root, byte[] signature) {
    BlsPublicKey key = ValidatorClientHarness.key(validator.intValue()).publicKey();
    return Bls.verify(
        key, root, BlsSignature.fromBytes(org.apache.tuweni.bytes.Bytes.wrap(signature)));
  }
}
