package io.basalt.beacon.chain.gossip;

import io.basalt.beacon.chain.pool.AttestationPool;
import io.basalt.beacon.chain.slashing.SlashingDetector;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.transition.signatures.SignatureSets;
import io.basalt.common.crypto.bls.BlsBatchVerifier;
import io.basalt.common.crypto.bls.BlsException;
import io.basalt.common.crypto.bls.BlsSignatureSet;
import io.basalt.common.crypto.bls.BlsSignatureVerifier;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.forkchoice.ForkChoice;
import io.basalt.consensus.types.Attestation;
import io.basalt.consensus.types.AttestationData;
import io.basalt.consensus.types.IndexedAttestation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Gossip validation of attestations for one node, after phase0's {@code beacon_attestation} rules,
 * and what follows acceptance: the pool, fork choice and the slashing detector.
 *
 * <p>The cheap checks run on arrival: slot within the last epoch and not in the future (else
 * IGNORE), target epoch equal to the slot's and shard in range (else REJECT), beacon block and
 * target block known to fork choice (else IGNORE: the block may still come), aggregation bits sized
 * to the committee and not empty (else REJECT). Committees come from the target block's state
 * advanced to the target epoch's start, as for any state of that epoch on that chain.
 *
 * <p>Signatures are then queued and checked together, {@link #BATCH_DELAY_MILLIS} after the first
 * of a batch, in one call of the node's verifier (a {@link BlsBatchVerifier}: one multi-pairing
 * with random scalars), each set alone only when the batch fails, as a node's gossip batching
 * service would. A bad signature is a REJECT.
 */
public final class AttestationGossipHandler {

  /** Hears one attestation's verdict and why. */
  @FunctionalInterface
  public interface VerdictListener {
    VerdictListener NONE = (verdict, reason) -> {};

    void onVerdict(GossipVerdict verdict, String reason);
  }

  /** Runs an action after a delay on the owner's thread (the handler is single-threaded). */
  @FunctionalInterface
  public interface DelayedExecutor {
    void after(long delayMillis, Runnable action);
  }

  /** How long the first signature of a batch waits for others. */
  public static final long BATCH_DELAY_MILLIS = 25;

  private record Pending(
      Attestation attestation,
      IndexedAttestation indexed,
      BlsSignatureSet set,
      VerdictListener verdict) {}

  private final SpecConfig config;
  private final BeaconStateAccessors accessors;
  private final ForkChoice forkChoice;
  private final AdvancedStates states;
  private final SignatureSets signatureSets;
  private final BlsSignatureVerifier verifier;
  private final AttestationPool pool;
  private final SlashingDetector detector;
  private final DelayedExecutor scheduler;
  private final Supplier<Slot> currentSlot;
  private final BiConsumer<Attestation, List<ValidatorIndex>> onAccepted;
  private final List<Pending> pending = new ArrayList<>();
  private final Map<GossipVerdict, Long> verdicts = new EnumMap<>(GossipVerdict.class);

  public AttestationGossipHandler(
      SpecConfig config,
      BeaconStateAccessors accessors,
      ForkChoice forkChoice,
      AdvancedStates states,
      SignatureSets signatureSets,
      BlsSignatureVerifier verifier,
      AttestationPool pool,
      SlashingDetector detector,
      DelayedExecutor scheduler,
      Supplier<Slot> currentSlot,
      BiConsumer<Attestation, List<ValidatorIndex>> onAccepted) {
    this.config = config;
    this.accessors = accessors;
    this.forkChoice = forkChoice;
    this.states = states;
    this.signatureSets = signatureSets;
    this.verifier = verifier;
    this.pool = pool;
    this.detector = detector;
    this.scheduler = scheduler;
    this.currentSlot = currentSlot;
    this.onAccepted = onAccepted;
  }

  /**
   * Validates {@code attestation}: IGNORE or REJECT at once, or queued for the signature batch,
   * whose verification decides between ACCEPT (applied then) and REJECT. {@code verdict} hears the
   * outcome exactly once, at once or when the batch is verified.
   */
  public void onAttestation(Attestation attestation, VerdictListener verdict) {
    AttestationData data = attestation.data();
    Slot slot = data.slot();
    Slot now = currentSlot.get();
    if (slot.isAfter(now) || slot.plus(config.slotsPerEpoch()).isBefore(now)) {
      report(verdict, GossipVerdict.IGNORE, "slot " + slot + " outside the window at " + now);
      return;
    }
    Epoch target = data.target().epoch();
    if (!target.equals(accessors.misc().computeEpochAtSlot(slot))
        || data.shard().id() >= config.shardCount()
        || attestation.aggregationBits().bitCount() == 0) {
      report(verdict, GossipVerdict.REJECT, "target epoch, shard or bits malformed");
      return;
    }
    if (!forkChoice.contains(data.beaconBlockRoot())
        || !forkChoice.contains(data.target().root())) {
      report(verdict, GossipVerdict.IGNORE, "unknown head or target block");
      return;
    }
    Optional<BeaconState> state =
        states.stateAt(data.target().root(), accessors.misc().computeStartSlotAtEpoch(target));
    if (state.isEmpty()) {
      report(verdict, GossipVerdict.IGNORE, "target state unavailable");
      return;
    }
    IndexedAttestation indexed;
    BlsSignatureSet set;
    try {
      indexed = accessors.getIndexedAttestation(state.get(), attestation);
      set =
          signatureSets.attestation(
              state.get(), data, indexed.attestingIndices(), attestation.signature());
    } catch (IllegalArgumentException | BlsException e) {
      // Bits not sized to the committee, or a signature that is not a G2 point.
      report(verdict, GossipVerdict.REJECT, "bits or signature malformed: " + e.getMessage());
      return;
    }
    if (pending.isEmpty()) {
      scheduler.after(BATCH_DELAY_MILLIS, this::verifyBatch);
    }
    pending.add(new Pending(attestation, indexed, set, verdict));
  }

  private void verifyBatch() {
    List<Pending> batch = List.copyOf(pending);
    pending.clear();
    boolean allValid = verifier.verify(batch.stream().map(Pending::set).toList());
    for (Pending checked : batch) {
      if (!allValid && !verifier.verify(List.of(checked.set()))) {
        report(checked.verdict(), GossipVerdict.REJECT, "invalid signature");
        continue;
      }
      pool.add(checked.attestation());
      List<ValidatorIndex> indices = checked.indexed().attestingIndices();
      AttestationData data = checked.attestation().data();
      forkChoice.onAttestation(indices, data.beaconBlockRoot(), data.target().epoch());
      detector.onIndexedAttestation(checked.indexed());
      onAccepted.accept(checked.attestation(), indices);
      report(checked.verdict(), GossipVerdict.ACCEPT, "valid");
    }
  }

  private void report(VerdictListener listener, GossipVerdict verdict, String reason) {
    verdicts.merge(verdict, 1L, Long::sum);
    listener.onVerdict(verdict, reason);
  }

  /** How many attestations got each verdict so far. */
  public long verdictCount(GossipVerdict verdict) {
    return verdicts.getOrDefault(verdict, 0L);
  }
}
