package io.basalt.beacon.transition;

import static io.basalt.beacon.transition.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.datastructures.operations.Deposit;
import io.basalt.beacon.datastructures.operations.SignedVoluntaryExit;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.PendingDeposit;
import io.basalt.beacon.state.Validator;
import io.basalt.beacon.testing.TestChain;
import io.basalt.beacon.testing.TestStates;
import io.basalt.common.crypto.bls.InteropKeys;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import java.util.List;
import org.junit.jupiter.api.Test;

class DepositAndExitProcessingTest {

  private static final Gwei DEPOSIT = Gwei.of(32_000_000_000L);
  private static final Gwei TOP_UP = Gwei.of(1_000_000_000L);

  private final TestChain chain = new TestChain(TestStates.genesis64());

  private void queue(PendingDeposit... deposits) {
    BeaconState head = chain.head();
    chain.setHead(
        head.updated(
            m -> m.setPendingDeposits(head.schemas().pendingDeposits().of(List.of(deposits)))));
  }

  private static Deposit deposit(PendingDeposit pending) {
    return new Deposit(pending.toDepositData());
  }

  @Test
  void depositsFromTheQueueAddANewValidatorAndTopUpAnExistingOne() throws Exception {
    PendingDeposit fresh = chain.operations().pendingDeposit(64, DEPOSIT, true);
    PendingDeposit topUp = chain.operations().pendingDeposit(3, TOP_UP, false);
    queue(fresh, topUp);
    BeaconState before = chain.head();
    BeaconState after = chain.importBlock(chain.produce(Slot.of(1), body -> {}));

    assertThat(after.validators().size()).isEqualTo(65);
    Validator added = after.validators().get(64);
    assertThat(added.pubkey()).isEqualTo(InteropKeys.secretKey(64).publicKey().toBytes());
    assertThat(added.effectiveBalance()).isEqualTo(DEPOSIT);
    assertThat(added.activationEligibilityEpoch()).isEqualTo(Validator.FAR_FUTURE_EPOCH);
    assertThat(after.balances().get(64)).isEqualTo(DEPOSIT);
    assertThat(after.currentEpochParticipation().size()).isEqualTo(65);
    assertThat(after.inactivityScores().size()).isEqualTo(65);
    // A top-up needs no proof of possession: this one's is another key's signature.
    assertThat(after.balances().get(3)).isEqualTo(before.balances().get(3).plus(TOP_UP));
    assertThat(after.pendingDeposits().size()).isZero();
  }

  @Test
  void depositWithInvalidProofOfPossessionIsDroppedNotRejected() throws Exception {
    queue(chain.operations().pendingDeposit(70, DEPOSIT, false));
    BeaconState after = chain.importBlock(chain.produce(Slot.of(1), body -> {}));
    assertThat(after.validators().size()).isEqualTo(64);
    assertThat(after.pendingDeposits().size()).isZero();
  }

  @Test
  void shouldRejectDepositsThatAreNotTheQueueHeadInOrder() {
    PendingDeposit first = chain.operations().pendingDeposit(64, DEPOSIT, true);
    PendingDeposit second = chain.operations().pendingDeposit(65, DEPOSIT, true);
    queue(first, second);
    assertRejected(
        () ->
            chain.importBlock(
                chain.produceUnchecked(
                    Slot.of(1), body -> body.deposits = List.of(deposit(second), deposit(first)))),
        InvalidBlockReason.DEPOSIT_MISMATCH);
    assertRejected(
        () ->
            chain.importBlock(
                chain.produceUnchecked(
                    Slot.of(1), body -> body.deposits = List.of(deposit(first), deposit(first)))),
        InvalidBlockReason.DEPOSIT_MISMATCH);
    assertRejected(
        () ->
            chain.importBlock(
                chain.produceUnchecked(
                    Slot.of(1), body -> body.deposits = List.of(deposit(first)))),
        InvalidBlockReason.DEPOSIT_COUNT_MISMATCH);
  }

  @Test
  void shouldRejectDepositWhenQueueIsEmpty() {
    PendingDeposit stray = chain.operations().pendingDeposit(64, DEPOSIT, true);
    assertRejected(
        () ->
            chain.importBlock(
                chain.produceUnchecked(
                    Slot.of(1), body -> body.deposits = List.of(deposit(stray)))),
        InvalidBlockReason.DEPOSIT_COUNT_MISMATCH);
  }

  @Test
  void shouldRejectExitBeforeShardCommitteePeriod() {
    SignedVoluntaryExit exit =
        chain.operations().exit(chain.head(), ValidatorIndex.of(3), Epoch.ZERO);
    assertRejected(
        () -> chain.importBlock(chain.produceUnchecked(Slot.of(1), body -> body.exits.add(exit))),
        InvalidBlockReason.EXIT_TOO_EARLY);
  }

  @Test
  void exitAfterShardCommitteePeriodSchedulesTheExitOnce() throws Exception {
    // SHARD_COMMITTEE_PERIOD is 64 epochs in the local preset.
    chain.setHead(TestStates.atSlot(chain.head(), 64 * 8));
    BeaconState state = chain.head();
    SignedVoluntaryExit exit = chain.operations().exit(state, ValidatorIndex.of(3), Epoch.of(64));
    BeaconState after =
        chain.importBlock(chain.produce(Slot.of(64 * 8 + 1), body -> body.exits.add(exit)));
    // compute_activation_exit_epoch(64) = 64 + 1 + MAX_SEED_LOOKAHEAD (4).
    assertThat(after.validators().get(3).exitEpoch()).isEqualTo(Epoch.of(69));

    assertRejected(
        () ->
            chain.importBlock(
                chain.produceUnchecked(Slot.of(64 * 8 + 2), body -> body.exits.add(exit))),
        InvalidBlockReason.EXIT_ALREADY_INITIATED);
  }

  @Test
  void shouldRejectInvalidExits() {
    chain.setHead(TestStates.atSlot(chain.head(), 64 * 8));
    BeaconState state = chain.head();
    Slot slot = Slot.of(64 * 8 + 1);
    SignedVoluntaryExit future = chain.operations().exit(state, ValidatorIndex.of(3), Epoch.of(65));
    assertRejected(
        () -> chain.importBlock(chain.produceUnchecked(slot, body -> body.exits.add(future))),
        InvalidBlockReason.EXIT_EPOCH_IN_FUTURE);
    SignedVoluntaryExit unknown =
        chain.operations().exit(state, ValidatorIndex.of(1000), Epoch.of(64));
    assertRejected(
        () -> chain.importBlock(chain.produceUnchecked(slot, body -> body.exits.add(unknown))),
        InvalidBlockReason.VALIDATOR_UNKNOWN);
    SignedVoluntaryExit valid = chain.operations().exit(state, ValidatorIndex.of(3), Epoch.of(64));
    SignedVoluntaryExit forged = new SignedVoluntaryExit(valid.message(), future.signature());
    assertRejected(
        () -> chain.importBlock(chain.produceUnchecked(slot, body -> body.exits.add(forged))),
        InvalidBlockReason.EXIT_SIGNATURE_INVALID);
  }
}
