package io.basalt.beacon.transition.block;

import static io.basalt.beacon.transition.BlockProcessingException.check;

import io.basalt.beacon.datastructures.operations.Deposit;
import io.basalt.beacon.datastructures.operations.DepositData;
import io.basalt.beacon.helpers.BeaconStateMutators;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.beacon.state.MutableBeaconState;
import io.basalt.beacon.state.PendingDeposit;
import io.basalt.beacon.state.Validator;
import io.basalt.beacon.transition.BlockProcessingException;
import io.basalt.beacon.transition.InvalidBlockReason;
import io.basalt.beacon.transition.signatures.SignatureSets;
import io.basalt.common.crypto.bls.BlsException;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;

/**
 * Deposits from the pending-deposit queue (Basalt has no eth1 deposit contract): each deposit of a
 * block must equal the head of the queue, which it then leaves. A new key needs a valid proof of
 * possession, checked here on its own and always for real, whatever verifier the block is processed
 * with: as in phase0 an invalid proof does not make the block invalid, the deposit is dropped (the
 * stake is lost) — so its outcome changes the state and cannot be batched with the block's other
 * signatures, nor skipped when a proposer computes its post-state. A known key is topped up without
 * a proof.
 */
final class DepositProcessor {

  private final SpecConfig config;
  private final BeaconStateMutators mutators;
  private final SignatureSets signatureSets;

  DepositProcessor(
      BeaconSchemas schemas, BeaconStateMutators mutators, SignatureSets signatureSets) {
    this.config = schemas.config();
    this.mutators = mutators;
    this.signatureSets = signatureSets;
  }

  // spec: process_deposit
  void processDeposit(MutableBeaconState state, Deposit deposit) throws BlockProcessingException {
    check(
        state.pendingDeposits().size() > 0,
        InvalidBlockReason.DEPOSIT_MISMATCH,
        "Block carries a deposit but the pending-deposit queue is empty");
    PendingDeposit next = state.pendingDeposits().get(0);
    check(
        deposit.data().equals(next.toDepositData()),
        InvalidBlockReason.DEPOSIT_MISMATCH,
        "Deposit for "
            + deposit.data().pubkey()
            + " is not the head of the pending-deposit queue ("
            + next.pubkey()
            + ")");
    mutators.dequeuePendingDeposits(state, 1);
    applyDeposit(state, deposit.data());
  }

  // spec: apply_deposit
  private void applyDeposit(MutableBeaconState state, DepositData data) {
    int existing = indexOf(state, data);
    if (existing >= 0) {
      mutators.increaseBalance(state, ValidatorIndex.of(existing), data.amount());
      return;
    }
    if (!hasValidProofOfPossession(data)) {
      return;
    }
    addValidatorToRegistry(state, data);
  }

  /**
   * The registry index holding {@code data}'s key, or -1. Reads the registry once; deposits are
   * rare and few per block.
   */
  private static int indexOf(MutableBeaconState state, DepositData data) {
    int i = 0;
    for (Validator validator : state.validators().toList()) {
      if (validator.pubkey().equals(data.pubkey())) {
        return i;
      }
      i++;
    }
    return -1;
  }

  private boolean hasValidProofOfPossession(DepositData data) {
    try {
      return signatureSets.depositProofOfPossession(data).verify();
    } catch (BlsException e) {
      return false;
    }
  }

  // spec: add_validator_to_registry
  private void addValidatorToRegistry(MutableBeaconState state, DepositData data) {
    UInt64 amount = data.amount().value();
    UInt64 rounded = amount.minus(amount.mod(config.effectiveBalanceIncrement().value()));
    Validator validator =
        new Validator(
            data.pubkey(),
            data.withdrawalCredentials(),
            new Gwei(rounded.min(config.maxEffectiveBalance().value())),
            false,
            Validator.FAR_FUTURE_EPOCH,
            Validator.FAR_FUTURE_EPOCH,
            Validator.FAR_FUTURE_EPOCH,
            Validator.FAR_FUTURE_EPOCH);
    state
        .setValidators(state.validators().append(validator))
        .setBalances(state.balances().append(data.amount()))
        .setPreviousEpochParticipation(state.previousEpochParticipation().append(0))
        .setCurrentEpochParticipation(state.currentEpochParticipation().append(0))
        .setInactivityScores(state.inactivityScores().append(UInt64.ZERO));
  }
}
