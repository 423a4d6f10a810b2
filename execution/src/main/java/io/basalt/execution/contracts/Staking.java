package io.basalt.execution.contracts;

import io.basalt.common.types.Address;
import io.basalt.execution.abi.AbiEvent;
import io.basalt.execution.abi.AbiFunction;
import io.basalt.execution.processor.StakingDeposit;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;

/**
 * The Staking system contract at {@link SystemContracts#STAKING}.
 *
 * <pre>
 * function deposit(bytes pubkey, address withdrawalAddress, bytes popSignature) payable;
 * function minDeposit() view returns (uint256);   // in wei
 * function depositCount() view returns (uint64);  // deposits this shard sent to the beacon chain
 * event DepositMade(bytes pubkey, address indexed withdrawalAddress, uint256 amount); // wei
 * </pre>
 *
 * A deposit's value leaves the shard for the beacon chain, where stake is in Gwei, so it must be a
 * whole number of gwei and at least the minimum deposit; the signature is checked here with the
 * beacon chain's rules (through {@link DepositSignatureCheck}), so a deposit the beacon chain would
 * drop reverts instead of losing its value.
 */
public final class Staking implements SystemContract {

  public static final int PUBKEY_SIZE = 48;
  public static final int SIGNATURE_SIZE = 96;
  public static final BigInteger WEI_PER_GWEI = StakingDeposit.WEI_PER_GWEI;

  public static final AbiFunction DEPOSIT = AbiFunction.parse("deposit(bytes,address,bytes)");
  public static final AbiFunction MIN_DEPOSIT = AbiFunction.parse("minDeposit()", "uint256");
  public static final AbiFunction DEPOSIT_COUNT = AbiFunction.parse("depositCount()", "uint64");
  public static final AbiEvent DEPOSIT_MADE =
      AbiEvent.parse("DepositMade(bytes,address indexed,uint256)");

  private final DepositSignatureCheck signatureCheck;
  private final long minDepositGwei;
  private final Dispatcher dispatcher;

  /**
   * @param signatureCheck the beacon chain's deposit signature rule
   * @param minDepositGwei the beacon chain's MIN_DEPOSIT_AMOUNT
   */
  public Staking(DepositSignatureCheck signatureCheck, long minDepositGwei) {
    this.signatureCheck = Objects.requireNonNull(signatureCheck, "signatureCheck");
    if (minDepositGwei <= 0) {
      throw new IllegalArgumentException("minimum deposit must be positive");
    }
    this.minDepositGwei = minDepositGwei;
    this.dispatcher =
        new Dispatcher()
            .add(DEPOSIT, true, SystemGas.STAKING_DEPOSIT, this::deposit)
            .add(
                MIN_DEPOSIT,
                false,
                SystemGas.VIEW,
                (c, a) -> ContractResult.returned(MIN_DEPOSIT.encodeReturn(List.of(minDeposit()))))
            .add(
                DEPOSIT_COUNT,
                false,
                SystemGas.VIEW,
                (c, a) ->
                    CrossShard.count(
                        DEPOSIT_COUNT, c.messaging().outgoingCount(MessagingView.BEACON)));
  }

  /** The minimum deposit in wei. */
  public BigInteger minDeposit() {
    return BigInteger.valueOf(minDepositGwei).multiply(WEI_PER_GWEI);
  }

  @Override
  public Address address() {
    return SystemContracts.STAKING;
  }

  @Override
  public long executionGas(Bytes calldata) {
    return dispatcher.gas(calldata);
  }

  @Override
  public ContractResult execute(CallContext context, Bytes calldata) {
    return dispatcher.dispatch(context, calldata);
  }

  private ContractResult deposit(CallContext context, List<Object> arguments)
      throws RevertException {
    Bytes pubkey = (Bytes) arguments.get(0);
    Address withdrawalAddress = (Address) arguments.get(1);
    Bytes signature = (Bytes) arguments.get(2);
    if (pubkey.size() != PUBKEY_SIZE) {
      throw new RevertException("pubkey must be " + PUBKEY_SIZE + " bytes, got " + pubkey.size());
    }
    if (signature.size() != SIGNATURE_SIZE) {
      throw new RevertException(
          "popSignature must be " + SIGNATURE_SIZE + " bytes, got " + signature.size());
    }
    BigInteger[] gweiAndRest = context.value().divideAndRemainder(WEI_PER_GWEI);
    if (gweiAndRest[1].signum() != 0) {
      throw new RevertException("deposit value is not a whole number of gwei");
    }
    if (gweiAndRest[0].compareTo(BigInteger.valueOf(minDepositGwei)) < 0) {
      throw new RevertException("deposit below the minimum of " + minDepositGwei + " gwei");
    }
    if (gweiAndRest[0].bitLength() > 63) {
      throw new RevertException("deposit above the largest stake a validator can hold");
    }
    long amountGwei = gweiAndRest[0].longValueExact();
    if (!signatureCheck.isValid(pubkey, withdrawalAddress, amountGwei, signature)) {
      throw new RevertException("invalid deposit signature");
    }
    return ContractResult.emitted(
        DEPOSIT_MADE.toLog(address(), List.of(pubkey, withdrawalAddress, context.value())),
        new StakingDeposit(
            pubkey, withdrawalAddress, amountGwei, signature, context.from(), context.txHash()));
  }
}
