package io.basalt.beacon.chain.slashing;

import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlockHeader;
import io.basalt.beacon.datastructures.operations.AttesterSlashing;
import io.basalt.beacon.datastructures.operations.ProposerSlashing;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.Slot;
import io.basalt.consensus.types.Attestation;
import io.basalt.consensus.types.IndexedAttestation;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Watches what the node sees — imported blocks and validated gossip attestations — and hands the
 * slashings it finds to sinks (normally the operation pools' {@code add}), so a later block of this
 * node includes them.
 *
 * <ul>
 *   <li>Proposer slashings: two different signed headers of one proposer at one slot ({@link
 *       ProposerSlashingDetector}).
 *   <li>Attester slashings: double and surround votes among the indexed attestations seen ({@link
 *       AttesterSlashingDetector}).
 * </ul>
 *
 * <p>Callers pass only objects whose signatures verified (imported blocks, gossip attestations that
 * passed validation), so every slashing produced carries valid signatures.
 *
 * <p>Memory is bounded by a window of {@code epochWindow} epochs: headers and attestations older
 * than that are forgotten when {@link #prune} runs (once per slot is plenty), so offences spanning
 * more than the window are missed. Thread-safe: every method synchronizes on the detector.
 */
public final class SlashingDetector {

  private final BeaconSchemas schemas;
  private final BeaconStateAccessors accessors;
  private final ProposerSlashingDetector proposers;
  private final AttesterSlashingDetector attesters;
  private final Consumer<ProposerSlashing> proposerSink;
  private final Consumer<AttesterSlashing> attesterSink;

  /**
   * @param epochWindow how many epochs of history to keep; at least 1
   * @param proposerSink receives each proposer slashing found, once
   * @param attesterSink receives each attester slashing found, once
   */
  public SlashingDetector(
      BeaconSchemas schemas,
      BeaconStateAccessors accessors,
      int epochWindow,
      Consumer<ProposerSlashing> proposerSink,
      Consumer<AttesterSlashing> attesterSink) {
    if (epochWindow < 1) {
      throw new IllegalArgumentException("epoch window must be positive: " + epochWindow);
    }
    this.schemas = schemas;
    this.accessors = accessors;
    this.proposers =
        new ProposerSlashingDetector((long) epochWindow * schemas.config().slotsPerEpoch());
    this.attesters = new AttesterSlashingDetector(epochWindow);
    this.proposerSink = proposerSink;
    this.attesterSink = attesterSink;
  }

  /**
   * A block whose proposer signature verified (it need not be valid otherwise: an equivocating
   * proposer's second block is evidence even if it is never imported).
   */
  public synchronized Optional<ProposerSlashing> onBlockHeader(SignedBeaconBlock block) {
    SignedBeaconBlockHeader header =
        new SignedBeaconBlockHeader(schemas.blockHeader(block.message()), block.signature());
    Optional<ProposerSlashing> found = proposers.onHeader(header);
    found.ifPresent(proposerSink);
    return found;
  }

  /**
   * An imported block: its header and the indexed form of its attestations, whose committees are
   * resolved on {@code postState} (a block's attestations are of its state's current or previous
   * epoch).
   */
  public synchronized void onImportedBlock(SignedBeaconBlock block, BeaconState postState) {
    onBlockHeader(block);
    for (Attestation attestation : block.message().body().attestations()) {
      onIndexedAttestation(accessors.getIndexedAttestation(postState, attestation));
    }
  }

  /** A validated attestation, in indexed form. */
  public synchronized List<AttesterSlashing> onIndexedAttestation(IndexedAttestation attestation) {
    List<AttesterSlashing> found = attesters.onAttestation(attestation);
    found.forEach(attesterSink);
    return found;
  }

  /** Forgets history older than the window before {@code current}. */
  public synchronized void prune(Slot current) {
    proposers.prune(current);
    attesters.prune();
  }

  /** Headers plus per-validator attestation entries held, for tests of the memory bound. */
  public synchronized int size() {
    return proposers.size() + attesters.size();
  }
}
