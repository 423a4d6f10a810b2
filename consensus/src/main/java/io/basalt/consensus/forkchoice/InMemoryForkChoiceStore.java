package io.basalt.consensus.forkchoice;

import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.types.Checkpoint;
import java.util.Collections;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes32;

/** A {@link ForkChoiceStore} held in fields; for simulations, tests and as a node's live copy. */
public final class InMemoryForkChoiceStore implements ForkChoiceStore {

  private final UInt64 genesisTime;
  private UInt64 time;
  private Checkpoint justified;
  private EffectiveBalances justifiedBalances;
  private Checkpoint finalized;
  private Optional<Bytes32> proposerBoostRoot = Optional.empty();
  private final Set<ValidatorIndex> equivocating = new HashSet<>();

  /**
   * A store anchored at a trusted checkpoint (genesis or a checkpoint-sync state): the anchor is
   * both justified and finalized, as in spec {@code get_forkchoice_store}.
   */
  public InMemoryForkChoiceStore(
      UInt64 genesisTime, UInt64 time, Checkpoint anchor, EffectiveBalances anchorBalances) {
    this.genesisTime = Objects.requireNonNull(genesisTime, "genesisTime");
    this.time = Objects.requireNonNull(time, "time");
    this.justified = Objects.requireNonNull(anchor, "anchor");
    this.finalized = anchor;
    this.justifiedBalances = Objects.requireNonNull(anchorBalances, "anchorBalances");
  }

  @Override
  public UInt64 time() {
    return time;
  }

  @Override
  public void setTime(UInt64 time) {
    this.time = Objects.requireNonNull(time);
  }

  @Override
  public UInt64 genesisTime() {
    return genesisTime;
  }

  @Override
  public Checkpoint justifiedCheckpoint() {
    return justified;
  }

  @Override
  public EffectiveBalances justifiedBalances() {
    return justifiedBalances;
  }

  @Override
  public void setJustified(Checkpoint checkpoint, EffectiveBalances balances) {
    this.justified = Objects.requireNonNull(checkpoint);
    this.justifiedBalances = Objects.requireNonNull(balances);
  }

  @Override
  public Checkpoint finalizedCheckpoint() {
    return finalized;
  }

  @Override
  public void setFinalized(Checkpoint checkpoint) {
    this.finalized = Objects.requireNonNull(checkpoint);
  }

  @Override
  public Optional<Bytes32> proposerBoostRoot() {
    return proposerBoostRoot;
  }

  @Override
  public void setProposerBoostRoot(Optional<Bytes32> root) {
    this.proposerBoostRoot = Objects.requireNonNull(root);
  }

  @Override
  public Set<ValidatorIndex> equivocatingIndices() {
    return Collections.unmodifiableSet(equivocating);
  }

  @Override
  public void addEquivocatingIndex(ValidatorIndex index) {
    equivocating.add(Objects.requireNonNull(index));
  }
}
