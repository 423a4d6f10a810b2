package io.basalt.beacon.chain;

import io.basalt.beacon.datastructures.blocks.BeaconBlock;
import io.basalt.beacon.datastructures.blocks.BeaconBlockHeader;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.PendingDeposit;
import io.basalt.common.crypto.Hash;
import io.basalt.common.crypto.bls.BlsPublicKey;
import io.basalt.common.crypto.bls.BlsSignature;
import io.basalt.common.crypto.bls.BlsSignatureSet;
import io.basalt.common.crypto.bls.BlsSignatureVerifier;
import io.basalt.common.ssz.SszTypes;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.signing.SigningHelpers;
import io.basalt.consensus.types.Attestation;
import io.basalt.consensus.types.Checkpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A small stand-in for the real state transition, enough for the chain services: phase0's {@code
 * process_slot} (state and block roots), an epoch step that rotates participation and justifies the
 * previous epoch and finalizes the one before (so tests reach finality without votes), and a block
 * step that checks slot, parent and proposer, mixes the RANDAO reveal (verified through the given
 * verifier), sets participation flags of attesters and pops the included pending deposits.
 */
public final class TestTransition implements ChainStateTransition {

  private final SpecConfig config;
  private final BeaconSchemas schemas;
  private final BeaconStateAccessors accessors;
  private final SigningHelpers signing = new SigningHelpers();
  private final AtomicInteger processedBlocks = new AtomicInteger();

  public TestTransition(BeaconSchemas schemas, BeaconStateAccessors accessors) {
    this.schemas = schemas;
    this.config = schemas.config();
    this.accessors = accessors;
  }

  /** Number of blocks processed so far (replays included). */
  public int processedBlocks() {
    return processedBlocks.get();
  }

  @Override
  public BeaconState processSlots(BeaconState state, Slot slot) throws BlockTransitionException {
    if (!state.slot().isBefore(slot)) {
      throw new BlockTransitionException("slot " + slot + " is not after " + state.slot());
    }
    BeaconState s = state;
    while (s.slot().isBefore(slot)) {
      s = processSlot(s);
      if ((s.slot().value().longValue() + 1) % config.slotsPerEpoch() == 0) {
        s = processEpoch(s);
      }
      BeaconState current = s;
      s = s.updated(m -> m.setSlot(current.slot().increment()));
    }
    return s;
  }

  private BeaconState processSlot(BeaconState state) {
    Bytes32 previousStateRoot = state.hashTreeRoot();
    long index = state.slot().value().longValue() % config.slotsPerHistoricalRoot();
    return state.updated(
        m -> {
          m.setStateRoot(index, previousStateRoot);
          if (m.latestBlockHeader().stateRoot().isZero()) {
            m.setLatestBlockHeader(m.latestBlockHeader().withStateRoot(previousStateRoot));
          }
          m.setBlockRoot(index, m.latestBlockHeader().hashTreeRoot());
        });
  }

  private BeaconState processEpoch(BeaconState state) {
    long current = accessors.getCurrentEpoch(state).value().longValue();
    return state.updated(
        m -> {
          m.setPreviousEpochParticipation(m.currentEpochParticipation());
          m.setCurrentEpochParticipation(
              schemas
                  .participation()
                  .of(
                      new ArrayList<>(
                          java.util.Collections.nCopies((int) m.validators().size(), 0))));
          if (current >= 1) {
            BeaconState snap = m.snapshot();
            m.setPreviousJustifiedCheckpoint(m.currentJustifiedCheckpoint());
            m.setCurrentJustifiedCheckpoint(checkpoint(snap, current));
            if (current >= 2) {
              m.setFinalizedCheckpoint(checkpoint(snap, current - 1));
            }
          }
        });
  }

  private Checkpoint checkpoint(BeaconState state, long epoch) {
    Epoch e = Epoch.of(epoch);
    return new Checkpoint(e, accessors.getBlockRoot(state, e));
  }

  @Override
  public BeaconState processBlock(
      BeaconState state, BeaconBlock block, BlsSignatureVerifier verifier)
      throws BlockTransitionException {
    if (!block.slot().equals(state.slot())) {
      throw new BlockTransitionException("block slot " + block.slot() + " != " + state.slot());
    }
    BeaconBlockHeader latest = state.latestBlockHeader();
    if (!block.slot().isAfter(latest.slot())) {
      throw new BlockTransitionException("block is not newer than the latest header");
    }
    if (!block.parentRoot().equals(latest.hashTreeRoot())) {
      throw new BlockTransitionException("parent root mismatch");
    }
    ValidatorIndex proposer = accessors.getBeaconProposerIndex(state);
    if (!proposer.equals(block.proposerIndex())) {
      throw new BlockTransitionException("wrong proposer");
    }
    Epoch epoch = accessors.getCurrentEpoch(state);
    BlsPublicKey key =
        BlsPublicKey.fromBytes(state.validators().get(proposer.value().longValue()).pubkey());
    Bytes32 randaoRoot =
        signing.computeSigningRoot(
            SszTypes.EPOCH, epoch, accessors.getDomain(state, config.domainRandao(), epoch));
    BlsSignature reveal;
    try {
      reveal = BlsSignature.fromBytes(block.body().randaoReveal());
    } catch (RuntimeException e) {
      throw new BlockTransitionException("bad RANDAO reveal encoding");
    }
    if (!verifier.verify(BlsSignatureSet.single(key, randaoRoot, reveal))) {
      throw new BlockTransitionException("invalid RANDAO reveal");
    }
    List<PendingDeposit> queue = state.pendingDeposits().toList();
    int included = block.body().deposits().size();
    if (included > queue.size()) {
      throw new BlockTransitionException("more deposits than pending");
    }
    for (int i = 0; i < included; i++) {
      if (!block.body().deposits().get(i).data().equals(queue.get(i).toDepositData())) {
        throw new BlockTransitionException("deposit " + i + " is not the queue's next");
      }
    }
    List<List<ValidatorIndex>> attesters = new ArrayList<>();
    for (Attestation attestation : block.body().attestations()) {
      try {
        attesters.add(accessors.getAttestingIndices(state, attestation));
      } catch (IllegalArgumentException e) {
        throw new BlockTransitionException("bad attestation: " + e.getMessage());
      }
    }
    processedBlocks.incrementAndGet();
    long mixIndex = epoch.value().longValue() % config.epochsPerHistoricalVector();
    Bytes32 mix = state.randaoMixes().get(mixIndex).xor(Hash.sha256(block.body().randaoReveal()));
    return state.updated(
        m -> {
          m.setLatestBlockHeader(
              new BeaconBlockHeader(
                  block.slot(),
                  block.proposerIndex(),
                  block.parentRoot(),
                  Bytes32.ZERO,
                  schemas.beaconBlockBody().hashTreeRoot(block.body())));
          m.setRandaoMix(mixIndex, mix);
          for (int i = 0; i < attesters.size(); i++) {
            boolean current =
                block.body().attestations().get(i).data().target().epoch().equals(epoch);
            for (ValidatorIndex v : attesters.get(i)) {
              if (current) {
                m.setCurrentEpochParticipation(v.value().longValue(), 3);
              } else {
                m.setPreviousEpochParticipation(v.value().longValue(), 3);
              }
            }
          }
          m.setPendingDeposits(schemas.pendingDeposits().of(queue.subList(included, queue.size())));
        });
  }
}
