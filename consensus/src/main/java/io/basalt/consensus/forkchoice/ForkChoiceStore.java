package io.basalt.consensus.forkchoice;

import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.types.Checkpoint;
import java.util.Optional;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The fork-choice store of the spec ({@code Store}) minus the blocks, states and latest messages,
 * which {@link ForkChoice} keeps in its proto-array and vote tracker. Only {@link ForkChoice}
 * writes it; an implementation may persist the values (a node restarts from them) but must not
 * block.
 */
public interface ForkChoiceStore {

  /** Seconds since the Unix epoch, as last given to {@link ForkChoice#onTick}. */
  UInt64 time();

  void setTime(UInt64 time);

  /** Seconds since the Unix epoch at slot 0. */
  UInt64 genesisTime();

  Checkpoint justifiedCheckpoint();

  /** Effective balances of the justified checkpoint's state (see {@link EffectiveBalances}). */
  EffectiveBalances justifiedBalances();

  void setJustified(Checkpoint checkpoint, EffectiveBalances balances);

  Checkpoint finalizedCheckpoint();

  void setFinalized(Checkpoint checkpoint);

  /** The block given proposer boost in the current slot, if any. */
  Optional<Bytes32> proposerBoostRoot();

  void setProposerBoostRoot(Optional<Bytes32> root);

  /** Validators caught equivocating by an attester slashing; never shrinks. */
  Set<ValidatorIndex> equivocatingIndices();

  void addEquivocatingIndex(ValidatorIndex index);
}
