package io.basalt.beacon.simulator;

import io.basalt.beacon.chain.production.BlockProductionException;
import io.basalt.beacon.datastructures.blocks.BeaconBlock;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.datastructures.operations.SignedVoluntaryExit;
import io.basalt.beacon.datastructures.operations.VoluntaryExit;
import io.basalt.beacon.datastructures.shard.SignedShardBlockHeader;
import io.basalt.beacon.datastructures.shard.StakingReceiptProof;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.testing.InteropSigner;
import io.basalt.common.ssz.Bits;
import io.basalt.common.ssz.SszTypes;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.signing.SigningHelpers;
import io.basalt.consensus.types.Attestation;
import io.basalt.consensus.types.AttestationData;
import io.basalt.consensus.types.Checkpoint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The validator client of one simulated node, holding the interop keys of its share of the
 * validators. Duties, on the node's fork-choice head:
 *
 * <ul>
 *   <li>at slot start, the slot's proposer (if ours and online) builds a block from the node's
 *       pools with the block factory, signs it and publishes it;
 *   <li>at a third of the slot, each of our online committee members signs an attestation to the
 *       head (source the justified checkpoint of the head state at the slot, target the epoch's
 *       boundary block) and gossips it alone: aggregation happens in every node's pool (the
 *       simulator's documented stand-in for phase0's selected aggregators, which would send the
 *       same aggregates at two thirds of the slot).
 * </ul>
 *
 * <p>Misbehaviour for slashing scenarios: {@link #equivocateAt} makes the proposer of a slot sign
 * two different blocks; {@link #doubleVote} makes a validator sign a second, different vote in its
 * next attestation duty.
 */
final class ValidatorClient {

  private static final Bytes32 EQUIVOCATION_GRAFFITI = Bytes32.repeat((byte) 0xee);
  private static final Bytes32 DOUBLE_VOTE_SHARD_HEAD = Bytes32.repeat((byte) 0x0d);

  private final SimNode node;
  private final Set<ValidatorIndex> keys;
  private final Predicate<ValidatorIndex> online;
  private final SpecConfig config;
  private final BeaconStateAccessors accessors;
  private final InteropSigner signer;
  private final SimNodeExtension extension;
  private final SigningHelpers signing = new SigningHelpers();
  private final Set<Slot> equivocateAt = new HashSet<>();
  private final Set<ValidatorIndex> doubleVoters = new HashSet<>();
  private final List<ValidatorIndex> equivocated = new ArrayList<>();
  private long blocksProposed;
  private long productionFailures;

  ValidatorClient(
      SimNode node,
      Set<ValidatorIndex> keys,
      Predicate<ValidatorIndex> online,
      InteropSigner signer,
      SimNodeExtension extension) {
    this.node = node;
    this.extension = extension;
    this.keys = Set.copyOf(keys);
    this.online = online;
    this.config = node.config();
    this.accessors = node.accessors();
    this.signer = signer;
  }

  boolean holds(ValidatorIndex validator) {
    return keys.contains(validator);
  }

  /** Makes the proposer of {@code slot} sign two different blocks, if it is ours. */
  void equivocateAt(Slot slot) {
    equivocateAt.add(slot);
  }

  /** Makes {@code validator} sign two different votes in its next attestation duty. */
  void doubleVote(ValidatorIndex validator) {
    doubleVoters.add(validator);
  }

  void propose(Slot slot) {
    Bytes32 head = node.head();
    BeaconState state = node.stateAt(head, slot);
    if (!state.latestBlockHeader().slot().isBefore(slot)) {
      return; // the head is already at this slot (our own block, or a peer's early one)
    }
    ValidatorIndex proposer = accessors.getBeaconProposerIndex(state);
    if (!keys.contains(proposer) || !online.test(proposer)) {
      return;
    }
    try {
      Bytes reveal = randaoReveal(state, proposer);
      List<SignedShardBlockHeader> shardHeaders = extension.shardHeaders(node, slot, state);
      List<StakingReceiptProof> stakingReceipts = extension.stakingReceipts(node, slot, state);
      BeaconBlock block =
          node.blockFactory()
              .createBlock(
                  state, slot, proposer, reveal, Bytes32.ZERO, shardHeaders, stakingReceipts);
      node.publishBlock(sign(state, block));
      blocksProposed++;
      if (equivocateAt.remove(slot)) {
        BeaconBlock twin =
            node.blockFactory()
                .createBlock(
                    state,
                    slot,
                    proposer,
                    reveal,
                    EQUIVOCATION_GRAFFITI,
                    shardHeaders,
                    stakingReceipts);
        node.publishBlock(sign(state, twin));
        equivocated.add(proposer);
      }
    } catch (BlockProductionException e) {
      productionFailures++;
    }
  }

  void attest(Slot slot) {
    Bytes32 head = node.head();
    BeaconState state = node.stateAt(head, slot);
    Epoch epoch = accessors.misc().computeEpochAtSlot(slot);
    Slot epochStart = accessors.misc().computeStartSlotAtEpoch(epoch);
    Bytes32 targetRoot =
        epochStart.equals(slot) ? head : accessors.getBlockRootAtSlot(state, epochStart);
    Checkpoint source = state.currentJustifiedCheckpoint();
    Checkpoint target = new Checkpoint(epoch, targetRoot);
    Bytes32 domain = accessors.getDomain(state, config.domainBeaconAttester(), epoch);
    for (int shard = 0; shard < config.shardCount(); shard++) {
      List<ValidatorIndex> committee = accessors.getBeaconCommittee(state, slot, ShardId.of(shard));
      Bytes32 shardHead = null; // asked once per committee, and only if one of ours votes
      for (int position = 0; position < committee.size(); position++) {
        ValidatorIndex member = committee.get(position);
        if (!keys.contains(member) || !online.test(member)) {
          continue;
        }
        if (shardHead == null) {
          shardHead = extension.shardHeadRoot(node, ShardId.of(shard), slot);
        }
        AttestationData data =
            new AttestationData(slot, ShardId.of(shard), head, source, target, shardHead);
        node.publishAttestation(vote(member, position, committee.size(), data, domain));
        if (doubleVoters.remove(member)) {
          AttestationData other =
              new AttestationData(
                  slot, ShardId.of(shard), head, source, target, DOUBLE_VOTE_SHARD_HEAD);
          node.publishAttestation(vote(member, position, committee.size(), other, domain));
        }
      }
    }
  }

  /** Signs and gossips a voluntary exit of {@code validator} at the head's current epoch. */
  void exit(ValidatorIndex validator) {
    BeaconState state = node.headState();
    Epoch epoch = accessors.getCurrentEpoch(state);
    VoluntaryExit exit = new VoluntaryExit(epoch, validator);
    Bytes32 domain = accessors.getDomain(state, config.domainVoluntaryExit(), epoch);
    Bytes32 root = signing.computeSigningRoot(exit.hashTreeRoot(), domain);
    node.publishExit(new SignedVoluntaryExit(exit, signer.sign(validator, root).toBytes()));
  }

  private Attestation vote(
      ValidatorIndex member,
      int position,
      int committeeSize,
      AttestationData data,
      Bytes32 domain) {
    Bytes32 root = signing.computeSigningRoot(data.hashTreeRoot(), domain);
    return new Attestation(
        Bits.zeros(committeeSize).with(position, true), data, signer.sign(member, root).toBytes());
  }

  private Bytes randaoReveal(BeaconState state, ValidatorIndex proposer) {
    Epoch epoch = accessors.getCurrentEpoch(state);
    Bytes32 root =
        signing.computeSigningRoot(
            SszTypes.EPOCH, epoch, accessors.getDomain(state, config.domainRandao(), epoch));
    return signer.sign(proposer, root).toBytes();
  }

  private SignedBeaconBlock sign(BeaconState state, BeaconBlock block) {
    Bytes32 domain =
        accessors.getDomain(
            state,
            config.domainBeaconProposer(),
            accessors.misc().computeEpochAtSlot(block.slot()));
    Bytes32 root = signing.computeSigningRoot(node.store().schemas().beaconBlock(), block, domain);
    return new SignedBeaconBlock(block, signer.sign(block.proposerIndex(), root).toBytes());
  }

  /** Proposers of ours that signed two blocks. */
  List<ValidatorIndex> equivocated() {
    return List.copyOf(equivocated);
  }

  long blocksProposed() {
    return blocksProposed;
  }

  long productionFailures() {
    return productionFailures;
  }
}
