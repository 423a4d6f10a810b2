package io.basalt.execution.contracts;

/**
 * Fixed execution gas of system-contract functions, charged on top of the intrinsic gas whether the
 * call succeeds or reverts. A view costs about a cold account read (EIP-2929's 2,600); a transfer
 * pays for a cross-shard message and its log; a deposit mostly for its BLS proof-of-possession
 * check.
 */
public final class SystemGas {

  /** {@code CrossShard.transfer}. */
  public static final long CROSS_SHARD_TRANSFER = 25_000;

  /** {@code Staking.deposit}, mostly the signature check. */
  public static final long STAKING_DEPOSIT = 60_000;

  /** Every view ({@code outgoingCount}, {@code incomingCount}, {@code minDeposit}, …). */
  public static final long VIEW = 2_600;

  /** Calldata that selects no function, or any call to a reserved contract. */
  public static final long DISPATCH_FAILURE = 2_600;

  /** Settlement: the base of a call that writes records (a few storage slots and a log). */
  public static final long SETTLEMENT_WRITE = 40_000;

  /** Settlement: each proof-of-possession check of a registered BLS key. */
  public static final long SETTLEMENT_POP_CHECK = 50_000;

  /** Settlement: each quorum check of an aggregate BLS signature (one pairing check). */
  public static final long SETTLEMENT_QUORUM_CHECK = 100_000;

  /** Settlement: {@code deposit}, a balance move, two slots and a log. */
  public static final long SETTLEMENT_DEPOSIT = 30_000;

  /** Settlement: {@code finalizeWithdrawal}, a Merkle proof, a slot and a payment. */
  public static final long SETTLEMENT_WITHDRAWAL = 45_000;

  private SystemGas() {}
}
