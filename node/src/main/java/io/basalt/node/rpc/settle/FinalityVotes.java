package io.basalt.node.rpc.settle;

import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.types.Attestation;
import io.basalt.consensus.types.AttestationData;
import io.basalt.consensus.types.Checkpoint;
import io.basalt.node.beacon.BeaconService;
import io.basalt.node.rpc.settle.ChainSettleProofData.Answer;
import io.basalt.settlement.proof.AttestationEvidence;
import io.basalt.settlement.proof.FinalityProof;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Collects, from the canonical beacon blocks, the attestations that justified and finalized a
 * checkpoint C: those with target C, and those with source C and target C + 1 (or, when none exist,
 * target C + 2 together with those justifying C + 1). Committees come from a state of each
 * attestation's epoch. Chain thread only.
 */
final class FinalityVotes {

  private final BeaconService<?> beacon;
  private final long slotsPerEpoch;

  /** Canonical blocks from the head back to the first at or before C's start slot. */
  private final List<SignedBeaconBlock> blocks = new ArrayList<>();

  private final List<Bytes32> roots = new ArrayList<>();
  private final Map<Epoch, BeaconState> committeeStates = new HashMap<>();

  FinalityVotes(BeaconService<?> beacon) {
    this.beacon = beacon;
    this.slotsPerEpoch = beacon.config().slotsPerEpoch();
  }

  Answer<FinalityProof> proof(Optional<Epoch> requested) {
    Checkpoint finalized = beacon.finalizedCheckpoint();
    Epoch epoch = requested.orElse(finalized.epoch());
    if (epoch.isAfter(finalized.epoch())) {
      return Answer.fail(
          "epoch "
              + epoch
              + " is not finalized (latest finalized epoch "
              + finalized.epoch()
              + ")");
    }
    if (epoch.equals(Epoch.ZERO)) {
      return Answer.fail("the genesis checkpoint is final by definition and has no votes");
    }
    walkBack(startSlot(epoch));
    Optional<Bytes32> root = checkpointRoot(epoch);
    if (root.isEmpty()) {
      return Answer.fail("the blocks of epoch " + epoch + " are no longer stored");
    }
    Checkpoint c = new Checkpoint(epoch, root.get());
    Optional<Checkpoint> next = checkpointRoot(epoch.increment()).map(r -> cp(epoch.plus(1), r));
    Optional<Checkpoint> afterNext = checkpointRoot(epoch.plus(2)).map(r -> cp(epoch.plus(2), r));
    List<AttestationEvidence> justifying = collect(d -> d.target().equals(c));
    if (next.isPresent()) {
      Checkpoint t = next.get();
      List<AttestationEvidence> link = collect(d -> d.source().equals(c) && d.target().equals(t));
      if (!link.isEmpty()) {
        return Answer.of(new FinalityProof(c, justifying, List.of(), link));
      }
      if (afterNext.isPresent()) {
        Checkpoint t2 = afterNext.get();
        List<AttestationEvidence> longLink =
            collect(d -> d.source().equals(c) && d.target().equals(t2));
        if (!longLink.isEmpty()) {
          return Answer.of(
              new FinalityProof(c, justifying, collect(d -> d.target().equals(t)), longLink));
        }
      }
    }
    return Answer.fail(
        "no stored votes finalize the checkpoint of epoch "
            + epoch
            + " directly; ask for the latest finalized epoch "
            + finalized.epoch());
  }

  private static Checkpoint cp(Epoch epoch, Bytes32 root) {
    return new Checkpoint(epoch, root);
  }

  private Slot startSlot(Epoch epoch) {
    return Slot.of(Math.multiplyExact(epoch.value().longValue(), slotsPerEpoch));
  }

  private void walkBack(Slot until) {
    Bytes32 root = beacon.head();
    while (true) {
      Optional<SignedBeaconBlock> block = beacon.store().block(root);
      if (block.isEmpty()) {
        return;
      }
      blocks.add(block.get());
      roots.add(root);
      if (!block.get().message().slot().isAfter(until)
          || block.get().message().slot().equals(Slot.ZERO)) {
        return;
      }
      root = block.get().message().parentRoot();
    }
  }

  /** The root of the latest canonical block at or before the epoch's start slot. */
  private Optional<Bytes32> checkpointRoot(Epoch epoch) {
    Slot start = startSlot(epoch);
    if (blocks.isEmpty() || blocks.get(0).message().slot().isBefore(start)) {
      return Optional.empty();
    }
    for (int i = 0; i < blocks.size(); i++) {
      if (!blocks.get(i).message().slot().isAfter(start)) {
        return Optional.of(roots.get(i));
      }
    }
    return Optional.empty();
  }

  private List<AttestationEvidence> collect(Predicate<AttestationData> wanted) {
    Set<Attestation> seen = new LinkedHashSet<>();
    for (int i = blocks.size() - 1; i >= 0; i--) {
      int including = i;
      for (Attestation a : blocks.get(i).message().body().attestations()) {
        if (wanted.test(a.data()) && seen.add(a)) {
          // The including block is in the attestation's epoch or the next, so its state has the
          // committees of that epoch.
          committeeStates.computeIfAbsent(
              a.data().target().epoch(), e -> stateAt(roots.get(including), blocks.get(including)));
        }
      }
    }
    List<AttestationEvidence> out = new ArrayList<>();
    for (Attestation a : seen) {
      BeaconState state = committeeStates.get(a.data().target().epoch());
      List<ValidatorIndex> committee =
          beacon.accessors().getBeaconCommittee(state, a.data().slot(), a.data().shard());
      if (committee.size() == a.aggregationBits().size()) {
        out.add(new AttestationEvidence(a.data(), a.aggregationBits(), a.signature(), committee));
      }
    }
    return out;
  }

  private BeaconState stateAt(Bytes32 root, SignedBeaconBlock block) {
    return beacon.stateAt(root, block.message().slot()).orElseGet(beacon::headState);
  }
}
