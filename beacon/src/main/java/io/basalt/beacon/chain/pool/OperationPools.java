package io.basalt.beacon.chain.pool;

import io.basalt.beacon.datastructures.blocks.BeaconBlock;
import io.basalt.beacon.datastructures.blocks.BeaconBlockBody;
import io.basalt.beacon.datastructures.operations.AttesterSlashing;
import io.basalt.beacon.datastructures.operations.ProposerSlashing;
import io.basalt.beacon.datastructures.operations.SignedVoluntaryExit;
import io.basalt.common.types.ValidatorIndex;
import java.util.List;
import java.util.Objects;

/**
 * The three block-operation pools of a node, with the one maintenance step they share: when a block
 * is imported, the operations it included leave the pools ({@link #removeIncluded}), so the next
 * block does not carry them again (it would be invalid: a validator cannot be slashed or exit
 * twice). Operations a fork includes are removed too; packing re-checks the rest against the state
 * of the block being built.
 */
public record OperationPools(
    OperationPool<ValidatorIndex, ProposerSlashing> proposerSlashings,
    OperationPool<List<Object>, AttesterSlashing> attesterSlashings,
    OperationPool<ValidatorIndex, SignedVoluntaryExit> voluntaryExits) {

  public OperationPools {
    Objects.requireNonNull(proposerSlashings, "proposerSlashings");
    Objects.requireNonNull(attesterSlashings, "attesterSlashings");
    Objects.requireNonNull(voluntaryExits, "voluntaryExits");
  }

  /** Pools of {@code capacity} operations each, validated by {@code validators} when packed. */
  public static OperationPools create(OperationValidators validators, int capacity) {
    return new OperationPools(
        validators.proposerSlashingPool(capacity),
        validators.attesterSlashingPool(capacity),
        validators.voluntaryExitPool(capacity));
  }

  /** Removes the operations {@code block} included. */
  public void removeIncluded(BeaconBlock block) {
    BeaconBlockBody body = block.body();
    proposerSlashings.removeAll(body.proposerSlashings());
    attesterSlashings.removeAll(body.attesterSlashings());
    voluntaryExits.removeAll(body.voluntaryExits());
  }
}
