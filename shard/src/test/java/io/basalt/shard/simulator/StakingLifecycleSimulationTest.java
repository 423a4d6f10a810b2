package io.basalt.shard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.PendingWithdrawal;
import io.basalt.beacon.state.Validator;
import io.basalt.common.crypto.bls.InteropKeys;
import io.basalt.common.types.Address;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.config.SpecConfigLoader;
import io.basalt.execution.state.WorldState;
import io.basalt.shard.datastructures.SignedShardBlock;
import io.basalt.shard.state.ShardState;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A validator's whole life on the shard simulator: a {@code Staking.deposit} on shard 2, its
 * staking receipt proven to the beacon chain by a proposer, the pending deposit, the registry,
 * activation, a voluntary exit, and its balance withdrawn to an address on shard 0. The new
 * validator stays offline (no node holds its key): it signs only its deposit and its exit.
 */
class StakingLifecycleSimulationTest {

  private static final ShardId DEPOSIT_SHARD = ShardId.of(2);
  private static final ShardId WITHDRAWAL_SHARD = ShardId.of(0);

  /** The withdrawal address: no genesis funds, not a user, not a fee recipient. */
  private static final Address WITHDRAWAL_ADDRESS = Address.fromHexString("0x" + "5a".repeat(20));

  private static final Gwei STAKE = Gwei.of(32_000_000_000L);
  private static final BigInteger WEI_PER_GWEI = BigInteger.TEN.pow(9);
  private static final BigInteger STAKE_WEI = STAKE.value().toBigInteger().multiply(WEI_PER_GWEI);
  private static final long MAX_SLOT = 160;

  private static ShardSimulation sim;
  private static BeaconStateAccessors accessors;
  private static JoiningValidator joining;
  private static long queuedSlot;
  private static long registeredSlot;
  private static ValidatorIndex index;
  private static BeaconState activeState;
  private static Validator exited;
  private static PendingWithdrawal withdrawal;

  @BeforeAll
  static void run() {
    // Short delays: exit one epoch after activation, withdrawable two epochs after the exit, and
    // activation/exit one epoch after the epoch that decides them (MAX_SEED_LOOKAHEAD 4 would add
    // six epochs to the run without exercising anything more).
    SpecConfig config =
        SpecConfigLoader.loadYaml(
            "local",
            "SHARD_COMMITTEE_PERIOD: 1\nMIN_VALIDATOR_WITHDRAWABILITY_DELAY: 2\n"
                + "MAX_SEED_LOOKAHEAD: 1\n");
    sim = ShardSimulation.builder().config(config).nodes(4).seed(5).workload(2, 0.5).build();
    accessors = sim.protocol().accessors();
    joining = new JoiningValidator(config, InteropKeys.secretKey(1000));
    var signature = joining.depositSignature(WITHDRAWAL_ADDRESS, STAKE);
    sim.beacon()
        .at(
            1,
            () ->
                sim.workload()
                    .submitDeposit(
                        DEPOSIT_SHARD, joining.pubkey(), WITHDRAWAL_ADDRESS, signature, STAKE_WEI));

    queuedSlot =
        runUntil(
            () ->
                head().pendingDeposits().toList().stream()
                    .anyMatch(d -> d.pubkey().equals(joining.pubkey())));
    registeredSlot = runUntil(() -> indexOf(head()).isPresent());
    index = indexOf(head()).orElseThrow();
    runUntil(() -> isActive(head(), accessors.getCurrentEpoch(head())));
    activeState = head();

    Epoch mayExit =
        validator(activeState)
            .activationEpoch()
            .plus(config.shardCommitteePeriod().value().longValue());
    runUntil(() -> !accessors.getCurrentEpoch(head()).isBefore(mayExit));
    BeaconState state = head();
    sim.node(0)
        .beaconNode()
        .publishExit(joining.exit(accessors, state, index, accessors.getCurrentEpoch(state)));
    runUntil(() -> !validator(head()).exitEpoch().equals(Validator.FAR_FUTURE_EPOCH));
    runUntil(() -> withdrawalOf(head()).isPresent());
    withdrawal = withdrawalOf(head()).orElseThrow();
    exited = validator(head());
    runUntil(
        () ->
            sim.nodes().stream()
                .allMatch(
                    n ->
                        shardHead(n, WITHDRAWAL_SHARD).withdrawalCursor().longValue()
                            > withdrawal.index().longValue()));
    System.out.printf(
        "Staking lifecycle: receipt queued at slot %d, registered at %d as %s, active at epoch %s,"
            + " exit epoch %s, withdrawal of %s gwei at slot %d%n",
        queuedSlot,
        registeredSlot,
        index,
        validator(activeState).activationEpoch(),
        exited.exitEpoch(),
        withdrawal.amount(),
        sim.beacon().currentSlot());
  }

  /** Runs slot by slot until {@code done} holds at a slot's end; returns that slot. */
  private static long runUntil(BooleanSupplier done) {
    while (!done.getAsBoolean()) {
      long next = sim.beacon().currentSlot() + 1;
      assertThat(next).as("slot limit reached").isLessThanOrEqualTo(MAX_SLOT);
      sim.runUntilSlot(next);
    }
    return sim.beacon().currentSlot();
  }

  private static BeaconState head() {
    return sim.node(0).beaconNode().headState();
  }

  private static Optional<ValidatorIndex> indexOf(BeaconState state) {
    for (int i = 0; i < state.validators().size(); i++) {
      if (state.validators().get(i).pubkey().equals(joining.pubkey())) {
        return Optional.of(ValidatorIndex.of(i));
      }
    }
    return Optional.empty();
  }

  private static Validator validator(BeaconState state) {
    return state.validators().get(index.intValue());
  }

  private static boolean isActive(BeaconState state, Epoch epoch) {
    return accessors.getActiveValidatorIndices(state, epoch).contains(index);
  }

  private static Optional<PendingWithdrawal> withdrawalOf(BeaconState state) {
    return state.pendingWithdrawals().toList().stream()
        .filter(w -> w.validatorIndex().equals(index))
        .findFirst();
  }

  private static ShardState shardHead(ShardNode node, ShardId shard) {
    return node.chain(shard).stateAfter(node.currentHead(shard)).orElseThrow();
  }

  private static BigInteger balanceOn(ShardNode node, ShardId shard, Address address) {
    WorldState world = WorldState.open(shardHead(node, shard).accountsRoot(), node.store());
    return world.getOrEmpty(address).balance().value();
  }

  @Test
  void theDepositReachesThePendingQueueThenTheRegistry() {
    assertThat(queuedSlot).isLessThan(registeredSlot);
    assertThat(index).isEqualTo(ValidatorIndex.of(64)); // appended after the 64 genesis validators
    for (ShardNode node : sim.nodes()) {
      assertThat(shardHead(node, DEPOSIT_SHARD).outbox().stakingCount().longValue()).isOne();
      assertThat(shardHead(node, DEPOSIT_SHARD).outbox().toBeacon().get(0).amount())
          .isEqualTo(STAKE);
      BeaconState state = node.beaconNode().headState();
      assertThat(state.validators().get(index.intValue()).pubkey()).isEqualTo(joining.pubkey());
      assertThat(state.stakingReceiptCursors().get(DEPOSIT_SHARD.id()).longValue()).isOne();
    }
    Validator joined = validator(activeState);
    assertThat(joined.withdrawalAddress()).isEqualTo(WITHDRAWAL_ADDRESS);
    assertThat(joined.effectiveBalance()).isEqualTo(STAKE);
  }

  @Test
  void theValidatorBecomesActiveAfterTheActivationDelay() {
    Validator joined = validator(activeState);
    Epoch activation = joined.activationEpoch();
    Epoch registered = accessors.misc().computeEpochAtSlot(Slot.of(registeredSlot));
    // compute_activation_exit_epoch: at least 1 + MAX_SEED_LOOKAHEAD epochs after eligibility.
    assertThat(activation.value().longValue())
        .isGreaterThanOrEqualTo(
            joined.activationEligibilityEpoch().value().longValue()
                + 1
                + sim.protocol().config().maxSeedLookahead().value().longValue());
    assertThat(joined.activationEligibilityEpoch().isAfter(registered)).isTrue();
    assertThat(isActive(activeState, activation)).isTrue();
    assertThat(isActive(activeState, activation.minus(1))).isFalse();
  }

  @Test
  void theExitMakesItWithdrawableAndQueuesItsWholeBalance() {
    assertThat(exited.exitEpoch()).isNotEqualTo(Validator.FAR_FUTURE_EPOCH);
    assertThat(exited.withdrawableEpoch())
        .isEqualTo(
            exited
                .exitEpoch()
                .plus(
                    sim.protocol()
                        .config()
                        .minValidatorWithdrawabilityDelay()
                        .value()
                        .longValue()));
    assertThat(withdrawal.address()).isEqualTo(WITHDRAWAL_ADDRESS);
    // Offline all along, it lost a little of its stake, never more than a small fraction.
    assertThat(withdrawal.amount().value().longValue())
        .isPositive()
        .isLessThanOrEqualTo(STAKE.value().longValue())
        .isGreaterThan(STAKE.value().longValue() * 99 / 100);
    for (ShardNode node : sim.nodes()) {
      BeaconState state = node.beaconNode().headState();
      assertThat(state.balances().get(index.intValue())).isEqualTo(Gwei.ZERO);
      assertThat(state.pendingWithdrawals().toList()).containsExactly(withdrawal);
    }
  }

  @Test
  void theWithdrawalIsPaidOnShardZeroOnEveryNode() {
    BigInteger expected = withdrawal.amount().value().toBigInteger().multiply(WEI_PER_GWEI);
    for (ShardNode node : sim.nodes()) {
      assertThat(balanceOn(node, WITHDRAWAL_SHARD, WITHDRAWAL_ADDRESS)).isEqualTo(expected);
      for (int shard = 1; shard < sim.shardCount(); shard++) {
        assertThat(balanceOn(node, ShardId.of(shard), WITHDRAWAL_ADDRESS)).isZero();
      }
      List<PendingWithdrawal> paid = new ArrayList<>();
      for (SignedShardBlock block : new ShardAudit(node, sim.shardCount()).chain(0)) {
        paid.addAll(block.message().body().withdrawals());
      }
      assertThat(paid).containsExactly(withdrawal);
    }
  }

  @Test
  void supplyAcrossShardsAndBeaconStaysConsistent() {
    BigInteger withdrawn = withdrawal.amount().value().toBigInteger().multiply(WEI_PER_GWEI);
    BigInteger genesis =
        TransactionWorkload.GENESIS_BALANCE.multiply(
            BigInteger.valueOf((long) sim.workload().accounts().size() * sim.shardCount()));
    List<Address> holders = new ArrayList<>(sim.workload().accounts());
    holders.add(WITHDRAWAL_ADDRESS);
    for (ShardNode node : sim.nodes()) {
      ShardAudit audit = new ShardAudit(node, sim.shardCount());
      BigInteger onShards = audit.balances(holders).add(audit.inFlight());
      // 32 ether left shard 2 for the beacon chain; the withdrawal brought back what the beacon
      // chain held for the validator when it became withdrawable (now zero there).
      assertThat(onShards)
          .isEqualTo(genesis.subtract(audit.burned()).subtract(STAKE_WEI).add(withdrawn));
      assertThat(audit.receiptViolations()).isEmpty();
      assertThat(audit.nonceViolations()).isEmpty();
    }
    assertThat(sim.workload().depositsSubmitted()).isOne();
    assertThat(sim.shardProductionFailures()).isZero();
    assertThat(sim.beacon().productionFailures()).isZero();
  }
}
