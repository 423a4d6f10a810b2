package io.basalt.beacon.chain.imports;

import io.basalt.beacon.chain.BlockTransitionException;
import io.basalt.beacon.chain.store.BlockSummary;
import io.basalt.beacon.chain.store.ChainStore;
import io.basalt.beacon.chain.store.StateRegenerator;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.UInt64;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.forkchoice.BlockRejection;
import io.basalt.consensus.forkchoice.ForkChoice;
import io.basalt.consensus.forkchoice.InMemoryForkChoiceStore;
import io.basalt.consensus.forkchoice.OwningThread;
import io.basalt.consensus.types.Checkpoint;
import java.util.Optional;

/**
 * Builds fork choice for a {@link ChainStore}: anchored at its finalized block, then every stored
 * hot block replayed in slot order (with its attestations' votes), then the stored checkpoints. At
 * genesis that is just the anchor; after a restart it restores the chain where it stopped. Call it
 * on the thread that will own fork choice.
 */
public final class ForkChoiceLoader {

  private ForkChoiceLoader() {}

  /**
   * @throws BlockTransitionException if a stored block cannot be replayed (corrupt database)
   * @throws IllegalStateException if fork choice refuses a stored block (inconsistent database)
   */
  public static ForkChoice load(
      SpecConfig config,
      ChainStore store,
      StateRegenerator states,
      BeaconStateAccessors accessors,
      OwningThread owner,
      ChainClock clock)
      throws BlockTransitionException {
    BlockSummary anchor = store.anchor();
    Checkpoint finalized = store.finalizedCheckpoint();
    BeaconState anchorState =
        states
            .stateOf(anchor.root())
            .orElseThrow(() -> new IllegalStateException("No state for the finalized block"));
    long now = clock.currentTimeMillis();
    InMemoryForkChoiceStore forkChoiceStore =
        new InMemoryForkChoiceStore(
            store.genesisTime(),
            UInt64.valueOf(now / 1000),
            finalized,
            JustifiedBalances.of(anchorState, finalized.epoch()));
    ForkChoice forkChoice =
        ForkChoice.fromAnchor(
            config, forkChoiceStore, anchor.slot(), Optional.of(anchorState.hashTreeRoot()), owner);
    ForkChoiceUpdater updater = new ForkChoiceUpdater(forkChoice, store, states, accessors);
    for (BlockSummary summary : store.hotBlocks()) {
      SignedBeaconBlock block =
          store
              .block(summary.root())
              .orElseThrow(() -> new IllegalStateException("Hot block " + summary + " missing"));
      BeaconState post =
          states
              .stateOf(summary.root())
              .orElseThrow(() -> new IllegalStateException("No state for " + summary));
      Optional<BlockRejection> refused =
          updater.addBlock(block, summary.root(), post, post, now, 0L);
      if (refused.isPresent()) {
        throw new IllegalStateException("Fork choice refused stored block: " + refused.get());
      }
    }
    if (!store.justifiedCheckpoint().equals(finalized)) {
      updater.update(store.justifiedCheckpoint(), finalized);
    }
    return forkChoice;
  }
}
