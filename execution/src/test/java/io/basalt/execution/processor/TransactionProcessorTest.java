package io.basalt.execution.processor;

import static io.basalt.execution.processor.ProcessorFixture.BASE_FEE;
import static io.basalt.execution.processor.ProcessorFixture.CONTRACTS;
import static io.basalt.execution.processor.ProcessorFixture.FEE_RECIPIENT;
import static io.basalt.execution.processor.ProcessorFixture.START_BALANCE;
import static io.basalt.execution.processor.ProcessorFixture.START_NONCE;
import static io.basalt.execution.processor.ProcessorFixture.balance;
import static io.basalt.execution.processor.ProcessorFixture.env;
import static io.basalt.execution.processor.SignedTx.ADDRESS_0;
import static io.basalt.execution.processor.SignedTx.ADDRESS_1;
import static io.basalt.execution.processor.SignedTx.ETHER;
import static io.basalt.execution.processor.SignedTx.GWEI;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import io.basalt.execution.contracts.CrossShard;
import io.basalt.execution.contracts.Staking;
import io.basalt.execution.contracts.SystemContracts;
import io.basalt.execution.contracts.SystemGas;
import io.basalt.execution.receipt.Log;
import io.basalt.execution.state.Wei;
import io.basalt.execution.state.WorldState;
import io.basalt.execution.transaction.IntrinsicGas;
import io.basalt.execution.transaction.Transaction;
import io.basalt.execution.transaction.TransactionType;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;

/** Applying single transactions: transfers, system calls, reverts, out of gas, fees. */
class TransactionProcessorTest {

  private static final BigInteger PRICE = GWEI.multiply(BigInteger.valueOf(9)); // 7 base + 2 tip
  private static final BigInteger TIP = GWEI.multiply(BigInteger.TWO);
  private static final Address OTHER_SHARD_RECIPIENT =
      Address.fromHexString("0x1111111111111111111111111111111111111111");

  private final TransactionProcessor processor = new TransactionProcessor(CONTRACTS);
  private final WorldState state = ProcessorFixture.state();

  private TransactionOutcome apply(Transaction tx) {
    ApplyResult result =
        processor.apply(state, env(), SignedTx.recover(tx), ProcessorFixture.BLOCK_GAS_LIMIT);
    assertThat(result).isInstanceOf(TransactionOutcome.class);
    return (TransactionOutcome) result;
  }

  /** A transfer from account 0 at its current nonce. */
  private SignedTx tx() {
    return SignedTx.transfer().nonce(state.getOrEmpty(ADDRESS_0).nonce());
  }

  private static long intrinsic(Transaction tx) {
    return IntrinsicGas.of(tx).orElseThrow().longValue();
  }

  private static BigInteger gwei(long gwei) {
    return GWEI.multiply(BigInteger.valueOf(gwei));
  }

  @Test
  void shouldApplyAPlainTransferWithBurnAndTip() {
    TransactionOutcome outcome = apply(tx().eip1559());

    assertThat(outcome.success()).isTrue();
    assertThat(outcome.type()).isEqualTo(TransactionType.EIP1559);
    assertThat(outcome.gasUsed()).isEqualTo(UInt64.valueOf(21_000));
    // 21,000 gas: 7 gwei burned and 2 gwei tipped per gas.
    assertThat(outcome.burned()).isEqualTo(new Wei(gwei(147_000)));
    assertThat(outcome.tip()).isEqualTo(new Wei(gwei(42_000)));
    assertThat(balance(state, ADDRESS_0))
        .isEqualTo(START_BALANCE.subtract(ETHER).subtract(gwei(189_000)));
    assertThat(balance(state, ADDRESS_1)).isEqualTo(ETHER);
    assertThat(balance(state, FEE_RECIPIENT)).isEqualTo(gwei(42_000));
    assertThat(state.getOrEmpty(ADDRESS_0).nonce()).isEqualTo(UInt64.valueOf(START_NONCE + 1));
    assertThat(outcome.logs()).isEmpty();
    assertThat(outcome.outgoing()).isEmpty();
  }

  @Test
  void shouldChargeALegacyTransactionItsGasPrice() {
    TransactionOutcome outcome = apply(tx().legacy()); // gasPrice 10 gwei: 3 gwei tip

    assertThat(outcome.type()).isEqualTo(TransactionType.LEGACY);
    assertThat(outcome.tip()).isEqualTo(new Wei(gwei(63_000)));
    assertThat(outcome.burned()).isEqualTo(new Wei(gwei(147_000)));
    assertThat(balance(state, ADDRESS_0))
        .isEqualTo(START_BALANCE.subtract(ETHER).subtract(gwei(210_000)));
  }

  @Test
  void shouldLetPlainTransfersCarryDataForCalldataGasOnly() {
    TransactionOutcome outcome =
        apply(tx().data(Bytes.fromHexString("0x00ff")).gasLimit(50_000).eip1559());

    assertThat(outcome.success()).isTrue();
    assertThat(outcome.gasUsed()).isEqualTo(UInt64.valueOf(21_000 + 4 + 16));
    // The unused 28,980 gas is refunded.
    assertThat(balance(state, ADDRESS_0))
        .isEqualTo(
            START_BALANCE.subtract(ETHER).subtract(PRICE.multiply(BigInteger.valueOf(21_020))));
  }

  @Test
  void shouldSendValueToAnotherShard() {
    Transaction tx =
        tx().to(SystemContracts.CROSS_SHARD)
            .gasLimit(100_000)
            .data(CrossShard.TRANSFER.encodeCall(List.of(BigInteger.TWO, OTHER_SHARD_RECIPIENT)))
            .eip1559();

    TransactionOutcome outcome = apply(tx);

    long gas = intrinsic(tx) + SystemGas.CROSS_SHARD_TRANSFER;
    assertThat(outcome.success()).isTrue();
    assertThat(outcome.gasUsed()).isEqualTo(UInt64.valueOf(gas));
    assertThat(outcome.outgoing())
        .containsExactly(
            new CrossShardTransfer(2, ADDRESS_0, OTHER_SHARD_RECIPIENT, new Wei(ETHER), tx.hash()));
    assertThat(balance(state, ADDRESS_0))
        .isEqualTo(START_BALANCE.subtract(ETHER).subtract(PRICE.multiply(BigInteger.valueOf(gas))));
    assertThat(state.get(SystemContracts.CROSS_SHARD)).isEmpty();
    assertThat(state.get(OTHER_SHARD_RECIPIENT)).isEmpty();
    assertThat(outcome.tip()).isEqualTo(new Wei(TIP.multiply(BigInteger.valueOf(gas))));

    Log log = outcome.logs().getFirst();
    Event event =
        new Event(
            "CrossShardTransferInitiated",
            List.of(
                new TypeReference<Uint32>(true) {},
                new TypeReference<org.web3j.abi.datatypes.Address>(true) {},
                new TypeReference<org.web3j.abi.datatypes.Address>(true) {},
                new TypeReference<Uint256>() {}));
    assertThat(log.address()).isEqualTo(SystemContracts.CROSS_SHARD);
    assertThat(log.topics())
        .containsExactly(
            Bytes32.fromHexString(EventEncoder.encode(event)),
            Bytes32.fromHexString(TypeEncoder.encode(new Uint32(2))),
            Bytes32.fromHexString(TypeEncoder.encode(web3jAddress(ADDRESS_0))),
            Bytes32.fromHexString(TypeEncoder.encode(web3jAddress(OTHER_SHARD_RECIPIENT))));
    assertThat(log.data()).isEqualTo(Bytes.fromHexString(TypeEncoder.encode(new Uint256(ETHER))));
  }

  @Test
  void shouldRevertCrossShardTransfersThatCannotBeDelivered() {
    assertReverts(crossShard(0, ETHER), "toShard is this shard; send a plain transfer instead");
    assertReverts(crossShard(4, ETHER), "toShard 4 does not exist (shard count 4)");
    assertReverts(
        crossShard(4_294_967_295L, ETHER), "toShard 4294967295 does not exist (shard count 4)");
    assertReverts(crossShard(1, BigInteger.ZERO), "cross-shard transfer of zero value");
  }

  @Test
  void shouldRunOutOfGasBelowTheSystemFunctionsCost() {
    Transaction probe = crossShard(1, ETHER).eip1559();
    long gasLimit = intrinsic(probe) + SystemGas.CROSS_SHARD_TRANSFER - 1;
    Transaction tx = crossShard(1, ETHER).gasLimit(gasLimit).eip1559();

    TransactionOutcome outcome = apply(tx);

    assertThat(outcome.success()).isFalse();
    assertThat(outcome.revertReason()).contains("out of gas");
    assertThat(outcome.gasUsed()).isEqualTo(UInt64.valueOf(gasLimit));
    assertThat(outcome.outgoing()).isEmpty();
    assertThat(balance(state, ADDRESS_0))
        .isEqualTo(START_BALANCE.subtract(PRICE.multiply(BigInteger.valueOf(gasLimit))));
  }

  @Test
  void shouldDepositStakeForTheBeaconChain() {
    BigInteger value = ETHER.multiply(BigInteger.valueOf(32));
    Transaction tx = deposit(ProcessorFixture.pubkey(), ProcessorFixture.signature(true), value);

    TransactionOutcome outcome = apply(tx);

    long gas = intrinsic(tx) + SystemGas.STAKING_DEPOSIT;
    assertThat(outcome.success()).isTrue();
    assertThat(outcome.gasUsed()).isEqualTo(UInt64.valueOf(gas));
    assertThat(outcome.outgoing())
        .containsExactly(
            new StakingDeposit(
                ProcessorFixture.pubkey(),
                ADDRESS_1,
                32_000_000_000L,
                ProcessorFixture.signature(true),
                ADDRESS_0,
                tx.hash()));
    assertThat(balance(state, ADDRESS_0))
        .isEqualTo(START_BALANCE.subtract(value).subtract(PRICE.multiply(BigInteger.valueOf(gas))));
    assertThat(state.get(SystemContracts.STAKING)).isEmpty();

    Log log = outcome.logs().getFirst();
    Event event =
        new Event(
            "DepositMade",
            List.of(
                new TypeReference<DynamicBytes>() {},
                new TypeReference<org.web3j.abi.datatypes.Address>(true) {},
                new TypeReference<Uint256>() {}));
    assertThat(log.address()).isEqualTo(SystemContracts.STAKING);
    assertThat(log.topics())
        .containsExactly(
            Bytes32.fromHexString(EventEncoder.encode(event)),
            Bytes32.fromHexString(TypeEncoder.encode(web3jAddress(ADDRESS_1))));
    assertThat(log.data())
        .isEqualTo(
            Bytes.fromHexString(
                FunctionEncoder.encodeConstructor(
                    List.of(
                        new DynamicBytes(ProcessorFixture.pubkey().toArray()),
                        new Uint256(value)))));
  }

  @Test
  void shouldRevertDepositsTheBeaconChainWouldDrop() {
    Bytes pubkey = ProcessorFixture.pubkey();
    Bytes good = ProcessorFixture.signature(true);
    BigInteger stake = ETHER.multiply(BigInteger.valueOf(32));

    assertRevertsTx(
        deposit(pubkey, ProcessorFixture.signature(false), stake), "invalid deposit signature");
    assertRevertsTx(
        deposit(pubkey, good, stake.add(BigInteger.ONE)),
        "deposit value is not a whole number of gwei");
    assertRevertsTx(
        deposit(pubkey, good, ETHER.subtract(GWEI)),
        "deposit below the minimum of 1000000000 gwei");
    assertRevertsTx(deposit(pubkey.slice(1), good, stake), "pubkey must be 48 bytes, got 47");
    assertRevertsTx(
        deposit(pubkey, good.slice(0, 64), stake), "popSignature must be 96 bytes, got 64");
  }

  @Test
  void shouldRevertUnknownSettlementSelectorsForTheDispatchFailureGas() {
    Transaction tx =
        tx().to(SystemContracts.SETTLEMENT)
            .data(Bytes.fromHexString("0x12345678"))
            .gasLimit(50_000)
            .eip1559();

    TransactionOutcome outcome = assertRevertsTx(tx, "unknown function selector 0x12345678");

    assertThat(outcome.gasUsed())
        .isEqualTo(UInt64.valueOf(intrinsic(tx) + SystemGas.DISPATCH_FAILURE));
  }

  @Test
  void shouldRevertUnknownSelectorsBadCalldataAndValueToViews() {
    assertRevertsTx(
        tx().to(SystemContracts.CROSS_SHARD)
            .data(Bytes.fromHexString("0xdeadbeef"))
            .gasLimit(50_000)
            .eip1559(),
        "unknown function selector 0xdeadbeef");
    assertRevertsTx(
        tx().to(SystemContracts.CROSS_SHARD).gasLimit(50_000).eip1559(),
        "calldata of 0 bytes has no function selector");
    assertRevertsTx(
        tx().to(SystemContracts.CROSS_SHARD)
            .data(CrossShard.TRANSFER.encodeCall(List.of(BigInteger.ONE, ADDRESS_1)).slice(0, 40))
            .gasLimit(100_000)
            .eip1559(),
        "calldata too short for argument 2 (address)");
    assertRevertsTx(
        tx().to(SystemContracts.CROSS_SHARD)
            .data(CrossShard.OUTGOING_COUNT.encodeCall(List.of(BigInteger.ONE)))
            .gasLimit(50_000)
            .eip1559(),
        "outgoingCount is not payable");
  }

  @Test
  void shouldReturnViewResultsInTheOutcome() {
    TransactionOutcome outcome =
        apply(
            tx().to(SystemContracts.STAKING)
                .value(BigInteger.ZERO)
                .data(Staking.MIN_DEPOSIT.encodeCall(List.of()))
                .gasLimit(50_000)
                .eip1559());

    assertThat(outcome.success()).isTrue();
    assertThat(outcome.returnData()).isEqualTo(Bytes32.leftPad(Bytes.wrap(ETHER.toByteArray())));
    assertThat(outcome.revertReason()).isEmpty();
  }

  private SignedTx crossShard(long toShard, BigInteger value) {
    return tx().to(SystemContracts.CROSS_SHARD)
        .value(value)
        .gasLimit(100_000)
        .data(
            CrossShard.TRANSFER.encodeCall(
                List.of(BigInteger.valueOf(toShard), OTHER_SHARD_RECIPIENT)));
  }

  private Transaction deposit(Bytes pubkey, Bytes signature, BigInteger value) {
    return tx().to(SystemContracts.STAKING)
        .value(value)
        .gasLimit(200_000)
        .data(Staking.DEPOSIT.encodeCall(List.of(pubkey, ADDRESS_1, signature)))
        .eip1559();
  }

  private void assertReverts(SignedTx tx, String reason) {
    assertRevertsTx(tx.eip1559(), reason);
  }

  /** Status 0, the reason, the function's gas charged, value kept, nonce used. */
  private TransactionOutcome assertRevertsTx(Transaction tx, String reason) {
    BigInteger before = balance(state, ADDRESS_0);
    UInt64 nonce = state.getOrEmpty(ADDRESS_0).nonce();
    long gas =
        intrinsic(tx) + CONTRACTS.at(tx.to().orElseThrow()).orElseThrow().executionGas(tx.data());

    TransactionOutcome outcome = apply(tx);

    assertThat(outcome.success()).isFalse();
    assertThat(outcome.revertReason()).isEqualTo(Optional.of(reason));
    assertThat(outcome.gasUsed()).isEqualTo(UInt64.valueOf(gas));
    assertThat(outcome.logs()).isEmpty();
    assertThat(outcome.outgoing()).isEmpty();
    assertThat(balance(state, ADDRESS_0))
        .isEqualTo(before.subtract(PRICE.multiply(BigInteger.valueOf(gas))));
    assertThat(outcome.burned()).isEqualTo(new Wei(BASE_FEE.multiply(BigInteger.valueOf(gas))));
    assertThat(state.getOrEmpty(ADDRESS_0).nonce()).isEqualTo(nonce.increment());
    return outcome;
  }

  private static org.web3j.abi.datatypes.Address web3jAddress(Address address) {
    return new org.web3j.abi.datatypes.Address(address.toHexString());
  }
}
