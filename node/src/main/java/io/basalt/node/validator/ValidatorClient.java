package io.basalt.node.validator;

import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Slot;
import io.basalt.node.validator.api.BeaconNodeApi;
import io.basalt.node.validator.doppelganger.DoppelgangerConfig;
import io.basalt.node.validator.doppelganger.DoppelgangerGuard;
import io.basalt.node.validator.duties.AggregationDuty;
import io.basalt.node.validator.duties.AttestationDuty;
import io.basalt.node.validator.duties.AttestedVote;
import io.basalt.node.validator.duties.BlockProposalDuty;
import io.basalt.node.validator.duties.DutyContext;
import io.basalt.node.validator.duties.OwnedValidators;
import io.basalt.node.validator.duties.ShardProposalDuty;
import io.basalt.node.validator.keys.ValidatorKey;
import io.basalt.node.validator.signing.ValidatorSigner;
import io.basalt.node.validator.slashing.SlashingProtection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The validator client: performs the duties of its keys, talking to the node only through {@link
 * BeaconNodeApi} so that it can later run remotely. It owns no threads; the node's slot timer calls
 * {@link #onSlotStart} (beacon proposal, then shard proposals), {@link #onAttestationDue} at a
 * third of the slot and {@link #onAggregationDue} at two thirds. Every slashable signature goes
 * through {@link SlashingProtection} first (see {@link ValidatorSigner}). Duties are skipped, and
 * counted missed, while the node is syncing. With doppelganger protection, nothing is signed until
 * the configured number of epochs passed without our keys attesting elsewhere; if they did, the
 * client stops for good ({@link ValidatorClientState#STOPPED_DOPPELGANGER}) and the node should
 * exit.
 *
 * <p>Thread-safe: the three entry points are serialised.
 */
public final class ValidatorClient {

  private static final Logger LOG = LoggerFactory.getLogger(ValidatorClient.class);

  private final BeaconNodeApi api;
  private final BeaconStateAccessors accessors;
  private final OwnedValidators validators;
  private final DoppelgangerGuard doppelganger;
  private final BlockProposalDuty proposals;
  private final ShardProposalDuty shardProposals;
  private final AttestationDuty attestations;
  private final AggregationDuty aggregations;

  /** Votes published per slot, kept until their aggregation duty ran. */
  private final Map<Slot, List<AttestedVote>> votes = new HashMap<>();

  private volatile ValidatorClientState state;
  private volatile String stopReason;
  private Slot lastProposalSlot;
  private Slot lastAttestationSlot;
  private Slot lastAggregationSlot;

  /**
   * @param api the node
   * @param keys the validators this client signs for
   * @param protection the slashing protection store; the client does not close it
   * @param doppelganger whether and how long to watch before signing
   * @param graffiti put into the blocks we propose
   * @param metrics duty accounting, {@link ValidatorMetrics#NONE} for none
   */
  public ValidatorClient(
      BeaconNodeApi api,
      List<ValidatorKey> keys,
      SlashingProtection protection,
      DoppelgangerConfig doppelganger,
      Bytes32 graffiti,
      ValidatorMetrics metrics) {
    this.api = Objects.requireNonNull(api, "api");
    this.accessors = new BeaconStateAccessors(api.config());
    this.validators = new OwnedValidators(keys);
    this.doppelganger = new DoppelgangerGuard(doppelganger);
    ValidatorSigner signer =
        new ValidatorSigner(
            api.config(), accessors, Objects.requireNonNull(protection, "protection"), metrics);
    DutyContext context = new DutyContext(api, validators, signer, accessors, metrics);
    this.proposals = new BlockProposalDuty(context, Objects.requireNonNull(graffiti, "graffiti"));
    this.shardProposals = new ShardProposalDuty(context);
    this.attestations = new AttestationDuty(context);
    this.aggregations = new AggregationDuty(context);
    this.state =
        doppelganger.enabled()
            ? ValidatorClientState.WAITING_FOR_DOPPELGANGER
            : ValidatorClientState.ACTIVE;
  }

  /** Slot start: our keys' indices, the doppelganger watch, then beacon and shard proposals. */
  public synchronized void onSlotStart(Slot slot) {
    Optional<BeaconState> duty = dutyState(slot);
    if (duty.isEmpty()) {
      return;
    }
    Epoch epoch = accessors.misc().computeEpochAtSlot(slot);
    validators.resolve(duty.get(), epoch);
    watchForDoppelgangers(epoch);
    if (state != ValidatorClientState.ACTIVE || !isAfter(slot, lastProposalSlot)) {
      return;
    }
    lastProposalSlot = slot;
    boolean synced = api.isSynced();
    proposals.perform(slot, duty.get(), synced);
    shardProposals.perform(slot, duty.get(), synced);
  }

  /** A third into the slot: an attestation by each of our committee members, once per slot. */
  public synchronized void onAttestationDue(Slot slot) {
    if (state != ValidatorClientState.ACTIVE || !isAfter(slot, lastAttestationSlot)) {
      return;
    }
    Optional<BeaconState> duty = dutyState(slot);
    if (duty.isEmpty()) {
      return;
    }
    lastAttestationSlot = slot;
    validators.resolve(duty.get(), accessors.misc().computeEpochAtSlot(slot));
    List<AttestedVote> published = attestations.perform(slot, duty.get(), api.isSynced());
    votes.keySet().removeIf(s -> s.isBefore(slot));
    votes.put(slot, published);
  }

  /** Two thirds into the slot: the selected aggregators among this slot's attesters. */
  public synchronized void onAggregationDue(Slot slot) {
    List<AttestedVote> published = votes.remove(slot);
    if (state != ValidatorClientState.ACTIVE
        || published == null
        || published.isEmpty()
        || !isAfter(slot, lastAggregationSlot)) {
      return;
    }
    Optional<BeaconState> duty = dutyState(slot);
    if (duty.isEmpty()) {
      return;
    }
    lastAggregationSlot = slot;
    aggregations.perform(slot, duty.get(), published, api.isSynced());
  }

  public ValidatorClientState state() {
    return state;
  }

  /** Whether the client stopped for good; the node exits with {@link #stopReason()}. */
  public boolean isStopped() {
    return state == ValidatorClientState.STOPPED_DOPPELGANGER;
  }

  /** Why the client stopped, for the node's exit message. */
  public Optional<String> stopReason() {
    return Optional.ofNullable(stopReason);
  }

  private void watchForDoppelgangers(Epoch epoch) {
    if (state != ValidatorClientState.WAITING_FOR_DOPPELGANGER) {
      return;
    }
    switch (doppelganger.onEpoch(epoch, validators.indices(), api::isLive)) {
      case DoppelgangerGuard.Verdict.Waiting waiting -> {}
      case DoppelgangerGuard.Verdict.Clear clear -> {
        state = ValidatorClientState.ACTIVE;
        LOG.info("Doppelganger check passed at epoch {}: validator duties start", epoch);
      }
      case DoppelgangerGuard.Verdict.Detected detected -> {
        stopReason =
            "Doppelganger detected: validator "
                + detected.validator()
                + " attested in epoch "
                + detected.epoch()
                + " while this client signed nothing; another client is running its key."
                + " Stop the other client before starting this one again.";
        state = ValidatorClientState.STOPPED_DOPPELGANGER;
        LOG.error(stopReason);
      }
    }
  }

  /** The node's duty state at {@code slot}; empty (logged) when missing or at another slot. */
  private Optional<BeaconState> dutyState(Slot slot) {
    Optional<BeaconState> duty = api.dutyState(slot);
    if (duty.isEmpty()) {
      LOG.debug("No duty state at slot {}", slot);
      return Optional.empty();
    }
    if (!duty.get().slot().equals(slot)) {
      LOG.warn("Node gave a duty state at slot {} for slot {}", duty.get().slot(), slot);
      return Optional.empty();
    }
    return duty;
  }

  private static boolean isAfter(Slot slot, Slot last) {
    return last == null || slot.isAfter(last);
  }
}
