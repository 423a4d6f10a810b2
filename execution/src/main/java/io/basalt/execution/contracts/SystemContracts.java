package io.basalt.execution.contracts;

import io.basalt.common.types.Address;
import io.basalt.execution.settlement.SettlementParams;
import java.util.Map;
import java.util.Optional;

/**
 * The system contracts and their fixed addresses. Any other address is not a contract: a
 * transaction to it is a plain transfer.
 */
public final class SystemContracts {

  public static final Address CROSS_SHARD =
      Address.fromHexString("0xba5a170000000000000000000000000000000001");
  public static final Address STAKING =
      Address.fromHexString("0xba5a170000000000000000000000000000000002");

  /** The Layer-2 {@link Settlement} contract. */
  public static final Address SETTLEMENT =
      Address.fromHexString("0xba5a170000000000000000000000000000000003");

  private final CrossShard crossShard = new CrossShard();
  private final Staking staking;
  private final Settlement settlement;
  private final Map<Address, SystemContract> byAddress;

  /**
   * The contracts with the default Settlement minimums ({@link SettlementParams#DEFAULT}).
   *
   * @param depositSignatureCheck the beacon chain's deposit signature rule
   * @param minDepositGwei the beacon chain's MIN_DEPOSIT_AMOUNT, in Gwei
   */
  public SystemContracts(DepositSignatureCheck depositSignatureCheck, long minDepositGwei) {
    this(depositSignatureCheck, minDepositGwei, SettlementParams.DEFAULT);
  }

  /**
   * @param settlementParams the minimum bond and challenge period of Settlement rollups
   */
  public SystemContracts(
      DepositSignatureCheck depositSignatureCheck,
      long minDepositGwei,
      SettlementParams settlementParams) {
    this.staking = new Staking(depositSignatureCheck, minDepositGwei);
    this.settlement = new Settlement(settlementParams);
    this.byAddress = Map.of(CROSS_SHARD, crossShard, STAKING, staking, SETTLEMENT, settlement);
  }

  /** The contract at {@code address}, if any. */
  public Optional<SystemContract> at(Address address) {
    return Optional.ofNullable(byAddress.get(address));
  }

  public static boolean isSystemContract(Address address) {
    return address.equals(CROSS_SHARD) || address.equals(STAKING) || address.equals(SETTLEMENT);
  }

  public CrossShard crossShard() {
    return crossShard;
  }

  public Staking staking() {
    return staking;
  }

  public Settlement settlement() {
    return settlement;
  }
}
