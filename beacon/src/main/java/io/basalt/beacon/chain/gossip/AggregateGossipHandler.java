package io.basalt.beacon.chain.gossip;

import io.basalt.beacon.chain.gossip.AttestationGossipHandler.VerdictListener;
import io.basalt.beacon.datastructures.operations.AggregateAndProof;
import io.basalt.beacon.datastructures.operations.SignedAggregateAndProof;
import io.basalt.beacon.helpers.AggregatorSelection;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.crypto.bls.BlsException;
import io.basalt.common.crypto.bls.BlsPublicKey;
import io.basalt.common.crypto.bls.BlsSignature;
import io.basalt.common.crypto.bls.BlsSignatureSet;
import io.basalt.common.crypto.bls.BlsSignatureVerifier;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.forkchoice.ForkChoice;
import io.basalt.consensus.signing.SigningHelpers;
import io.basalt.consensus.types.AttestationData;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Gossip validation of {@code beacon_aggregate_and_proof} after phase0's rules: the aggregate's
 * slot in the window, the aggregator a member of the committee and selected by its selection proof,
 * the first aggregate of that aggregator for the slot, the selection proof and the aggregator's
 * signature valid; then the aggregate itself goes through {@link AttestationGossipHandler} (its
 * signature in the next batch), whose verdict is the message's. Single-threaded (the owner's).
 */
public final class AggregateGossipHandler {

  private record Seen(ValidatorIndex aggregator, Slot slot) {}

  private final SpecConfig config;
  private final BeaconSchemas schemas;
  private final BeaconStateAccessors accessors;
  private final ForkChoice forkChoice;
  private final AdvancedStates states;
  private final BlsSignatureVerifier verifier;
  private final AttestationGossipHandler attestations;
  private final Supplier<Slot> currentSlot;
  private final AggregatorSelection selection;
  private final SigningHelpers signing = new SigningHelpers();
  private final Set<Seen> seen = new HashSet<>();

  public AggregateGossipHandler(
      SpecConfig config,
      BeaconSchemas schemas,
      BeaconStateAccessors accessors,
      ForkChoice forkChoice,
      AdvancedStates states,
      BlsSignatureVerifier verifier,
      AttestationGossipHandler attestations,
      Supplier<Slot> currentSlot) {
    this.config = config;
    this.schemas = schemas;
    this.accessors = accessors;
    this.forkChoice = forkChoice;
    this.states = states;
    this.verifier = verifier;
    this.attestations = attestations;
    this.currentSlot = currentSlot;
    this.selection = new AggregatorSelection(config, accessors);
  }

  /** Validates {@code signed}; {@code verdict} hears the outcome once. */
  public void onAggregate(SignedAggregateAndProof signed, VerdictListener verdict) {
    AggregateAndProof message = signed.message();
    AttestationData data = message.aggregate().data();
    Slot slot = data.slot();
    Slot now = currentSlot.get();
    if (slot.isAfter(now) || slot.plus(config.slotsPerEpoch()).isBefore(now)) {
      verdict.onVerdict(GossipVerdict.IGNORE, "slot " + slot + " outside the window at " + now);
      return;
    }
    Seen key = new Seen(message.aggregatorIndex(), slot);
    if (seen.contains(key)) {
      verdict.onVerdict(GossipVerdict.IGNORE, "aggregator already seen for the slot");
      return;
    }
    if (data.shard().id() >= config.shardCount()
        || !data.target().epoch().equals(accessors.misc().computeEpochAtSlot(slot))) {
      verdict.onVerdict(GossipVerdict.REJECT, "shard or target epoch malformed");
      return;
    }
    if (!forkChoice.contains(data.target().root())) {
      verdict.onVerdict(GossipVerdict.IGNORE, "unknown target block");
      return;
    }
    Optional<BeaconState> state =
        states.stateAt(
            data.target().root(), accessors.misc().computeStartSlotAtEpoch(data.target().epoch()));
    if (state.isEmpty()) {
      verdict.onVerdict(GossipVerdict.IGNORE, "target state unavailable");
      return;
    }
    List<ValidatorIndex> committee = accessors.getBeaconCommittee(state.get(), slot, data.shard());
    if (!committee.contains(message.aggregatorIndex())) {
      verdict.onVerdict(GossipVerdict.REJECT, "aggregator not in the committee");
      return;
    }
    if (!selection.isAggregator(committee.size(), message.selectionProof())) {
      verdict.onVerdict(GossipVerdict.REJECT, "selection proof does not select the aggregator");
      return;
    }
    if (!signaturesValid(state.get(), signed)) {
      verdict.onVerdict(GossipVerdict.REJECT, "invalid selection proof or aggregator signature");
      return;
    }
    seen.add(key);
    attestations.onAttestation(message.aggregate(), verdict);
  }

  private boolean signaturesValid(BeaconState state, SignedAggregateAndProof signed) {
    AggregateAndProof message = signed.message();
    try {
      BlsPublicKey aggregator =
          BlsPublicKey.fromBytes(
              state.validators().get(message.aggregatorIndex().intValue()).pubkey());
      Slot slot = message.aggregate().data().slot();
      BlsSignatureSet proof =
          BlsSignatureSet.single(
              aggregator,
              selection.selectionProofSigningRoot(state, slot),
              BlsSignature.fromBytes(message.selectionProof()));
      Bytes32 domain =
          accessors.getDomain(
              state, config.domainAggregateAndProof(), accessors.misc().computeEpochAtSlot(slot));
      BlsSignatureSet outer =
          BlsSignatureSet.single(
              aggregator,
              signing.computeSigningRoot(schemas.aggregateAndProof(), message, domain),
              BlsSignature.fromBytes(signed.signature()));
      return verifier.verify(List.of(proof, outer));
    } catch (BlsException | IllegalArgumentException e) {
      return false;
    }
  }

  /** Forgets aggregators seen before {@code slot}'s window. */
  public void prune(Slot slot) {
    seen.removeIf(s -> s.slot().plus(config.slotsPerEpoch()).isBefore(slot));
  }
}
