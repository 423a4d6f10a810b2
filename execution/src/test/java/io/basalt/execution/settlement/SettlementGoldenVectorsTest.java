package io.basalt.execution.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.types.Address;
import io.basalt.execution.abi.AbiEvent;
import io.basalt.execution.abi.AbiFunction;
import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.crypto.Hash;

/**
 * Golden ABI vectors: selectors, event topics, tags, batch hash, digests, withdrawal leaf and
 * deposit accumulator, each recomputed here independently with web3j's ABI encoder and Keccak from
 * the formulas in docs/settlement.md, plus pinned literals for the selectors a client hard-codes.
 */
class SettlementGoldenVectorsTest {

  private static final Bytes32 PARENT = Bytes32.repeat((byte) 0x11);
  private static final Bytes32 STATE = Bytes32.repeat((byte) 0x22);
  private static final Bytes32 WITHDRAWALS = Bytes32.repeat((byte) 0x33);
  private static final Bytes32 DATA = Bytes32.repeat((byte) 0x44);
  private static final BatchHeader HEADER =
      new BatchHeader(PARENT, 100, 199, STATE, WITHDRAWALS, DATA);
  private static final Address ALICE =
      Address.fromHexString("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");

  @Test
  void shouldMatchWeb3jSelectorsForEverySignature() {
    for (AbiFunction f :
        List.of(
            SettlementAbi.REGISTER_ROLLUP,
            SettlementAbi.UPDATE_OPERATORS,
            SettlementAbi.COMMIT_BATCH,
            SettlementAbi.CHALLENGE_BATCH,
            SettlementAbi.DEPOSIT,
            SettlementAbi.FINALIZE_WITHDRAWAL,
            SettlementAbi.GET_ROLLUP,
            SettlementAbi.GET_BATCH,
            SettlementAbi.LATEST_SETTLED,
            SettlementAbi.IS_SPENT,
            SettlementAbi.ESCROW_OF,
            SettlementAbi.DEPOSIT_ACC_AT)) {
      assertThat(f.selector().toHexString())
          .as(f.signature())
          .isEqualTo(Hash.sha3String(f.signature()).substring(0, 10));
    }
    // Pinned: computed once with a third, stand-alone Keccak implementation.
    assertThat(SettlementAbi.REGISTER_ROLLUP.selector().toHexString()).isEqualTo("0xbdfc6e8e");
    assertThat(SettlementAbi.COMMIT_BATCH.selector().toHexString()).isEqualTo("0x60746fad");
    assertThat(SettlementAbi.DEPOSIT.selector().toHexString()).isEqualTo("0x61f8dfd0");
    assertThat(SettlementAbi.FINALIZE_WITHDRAWAL.selector().toHexString()).isEqualTo("0x47b81b0b");
    assertThat(SettlementAbi.CHALLENGE_BATCH.selector().toHexString()).isEqualTo("0xd3dc4089");
    assertThat(SettlementAbi.GET_BATCH.selector().toHexString()).isEqualTo("0x8a4a70f1");
    assertThat(SettlementAbi.REGISTER_ROLLUP.signature())
        .isEqualTo(
            "registerRollup((uint64,uint64,bytes[],uint64[],uint64,bytes[]),bytes[],uint64[],bytes[])");
    assertThat(SettlementAbi.COMMIT_BATCH.signature())
        .isEqualTo(
            "commitBatch(uint64,uint64,bytes32,uint64,uint64,bytes32,bytes32,bytes32,bytes,bytes)");
    assertThat(SettlementAbi.FINALIZE_WITHDRAWAL.signature())
        .isEqualTo(
            "finalizeWithdrawal(uint64,uint64,(uint64,address,uint256),uint64,(uint64,bytes32[]))");
    assertThat(SettlementAbi.DEPOSIT.signature()).isEqualTo("deposit(uint64,address,bytes)");
  }

  @Test
  void shouldMatchWeb3jEventTopics() {
    assertTopic(
        SettlementAbi.ROLLUP_REGISTERED,
        "RollupRegistered(uint64,address,uint64,uint64,uint64,uint256)");
    assertTopic(SettlementAbi.OPERATORS_UPDATED, "OperatorsUpdated(uint64,uint64,uint64,uint64)");
    assertTopic(
        SettlementAbi.BATCH_COMMITTED,
        "BatchCommitted(uint64,uint64,bytes32,bytes32,uint64,uint64,bytes32,bytes32,bytes32,uint64)");
    assertTopic(SettlementAbi.BATCH_CHALLENGED, "BatchChallenged(uint64,uint64,address,uint8)");
    assertTopic(SettlementAbi.BATCH_REVERTED, "BatchReverted(uint64,uint64,bytes32)");
    assertTopic(SettlementAbi.ROLLUP_FROZEN, "RollupFrozen(uint64,address,uint256)");
    assertTopic(
        SettlementAbi.DEPOSIT_QUEUED,
        "DepositQueued(uint64,uint64,address,address,uint256,bytes,bytes32)");
    assertTopic(
        SettlementAbi.WITHDRAWAL_FINALIZED,
        "WithdrawalFinalized(uint64,uint64,address,uint64,uint256)");
  }

  private static void assertTopic(AbiEvent event, String canonical) {
    assertThat(event.signature()).isEqualTo(canonical);
    assertThat(event.topic0().toHexString()).isEqualTo(Hash.sha3String(canonical));
  }

  @Test
  void shouldHashBatchesAsDocumented() {
    String expected =
        keccakOfEncoding(
            new Uint64(7),
            new Uint64(3),
            b32(PARENT),
            new Uint64(100),
            new Uint64(199),
            b32(STATE),
            b32(WITHDRAWALS),
            b32(DATA));
    assertThat(HEADER.batchHash(7, 3).toHexString()).isEqualTo(expected);
    assertThat(HEADER.batchHash(7, 4)).isNotEqualTo(HEADER.batchHash(7, 3));
    assertThat(HEADER.batchHash(8, 3)).isNotEqualTo(HEADER.batchHash(7, 3));
  }

  @Test
  void shouldBuildDomainSeparatedDigestsAsDocumented() {
    assertThat(SettlementDigests.COMMIT_TAG.toHexString())
        .isEqualTo(Hash.sha3String("basalt.settlement.commitBatch.v1"));
    assertThat(SettlementDigests.VETO_TAG.toHexString())
        .isEqualTo(Hash.sha3String("basalt.settlement.veto.v1"));
    assertThat(SettlementDigests.OPERATORS_TAG.toHexString())
        .isEqualTo(Hash.sha3String("basalt.settlement.updateOperators.v1"));

    Bytes32 batchHash = HEADER.batchHash(7, 3);
    assertThat(SettlementDigests.commitDigest(7_612_901L, 1, 7, batchHash).toHexString())
        .isEqualTo(
            keccakOfEncoding(
                b32(SettlementDigests.COMMIT_TAG),
                new Uint256(7_612_901L),
                new Uint32(1),
                new Uint64(7),
                b32(batchHash)));
    assertThat(SettlementDigests.vetoDigest(7_612_901L, 1, 7, 3, batchHash).toHexString())
        .isEqualTo(
            keccakOfEncoding(
                b32(SettlementDigests.VETO_TAG),
                new Uint256(7_612_901L),
                new Uint32(1),
                new Uint64(7),
                new Uint64(3),
                b32(batchHash)));

    Bytes key = Bytes.repeat((byte) 0xab, 48);
    WeightedKeys keys = new WeightedKeys(List.of(key), List.of(9L), 9);
    assertThat(SettlementDigests.operatorsDigest(7_612_901L, 1, 7, 2, keys).toHexString())
        .isEqualTo(
            keccakOfEncoding(
                b32(SettlementDigests.OPERATORS_TAG),
                new Uint256(7_612_901L),
                new Uint32(1),
                new Uint64(7),
                new Uint64(2),
                new DynamicArray<>(DynamicBytes.class, List.of(new DynamicBytes(key.toArray()))),
                new DynamicArray<>(Uint64.class, List.of(new Uint64(9))),
                new Uint64(9)));
  }

  @Test
  void shouldEncodeWithdrawalLeavesAndDepositAccumulatorsAsDocumented() {
    Withdrawal w = new Withdrawal(5, ALICE, BigInteger.TEN.pow(18));
    assertThat(w.leaf().toHexString())
        .isEqualTo(
            keccakOfEncoding(
                new Uint64(5),
                new org.web3j.abi.datatypes.Address(ALICE.toHexString()),
                new Uint256(BigInteger.TEN.pow(18))));

    Bytes32 previous = Bytes32.repeat((byte) 0x55);
    Bytes data = Bytes.fromHexString("0xcafe");
    String expected =
        keccakOfEncoding(
            b32(previous),
            new Uint64(1),
            new org.web3j.abi.datatypes.Address(ALICE.toHexString()),
            new org.web3j.abi.datatypes.Address("0x00000000000000000000000000000000000000aa"),
            new Uint256(42),
            new org.web3j.abi.datatypes.generated.Bytes32(Hash.sha3(data.toArray())));
    Bytes32 actual =
        io.basalt.common.crypto.Hash.keccak256(
            io.basalt.execution.abi.AbiEncoder.encode(
                SettlementAbi.DEPOSIT_ACC,
                List.of(
                    previous,
                    BigInteger.ONE,
                    ALICE,
                    Address.fromHexString("0x00000000000000000000000000000000000000aa"),
                    BigInteger.valueOf(42),
                    io.basalt.common.crypto.Hash.keccak256(data))));
    assertThat(actual.toHexString()).isEqualTo(expected);
  }

  @Test
  void shouldRootWithdrawalTreesAsDocumented() {
    Bytes32 l0 = Bytes32.repeat((byte) 1);
    Bytes32 l1 = Bytes32.repeat((byte) 2);
    Bytes32 l2 = Bytes32.repeat((byte) 3);
    byte[] n01 = Hash.sha3(Bytes.concatenate(l0, l1).toArray());
    byte[] n2z = Hash.sha3(Bytes.concatenate(l2, Bytes32.ZERO).toArray());
    byte[] top = Hash.sha3(Bytes.concatenate(Bytes.wrap(n01), Bytes.wrap(n2z)).toArray());
    byte[] root =
        Hash.sha3(Bytes.concatenate(Bytes.wrap(top), Bytes32.leftPad(Bytes.of(3))).toArray());

    assertThat(WithdrawalTree.root(List.of(l0, l1, l2))).isEqualTo(Bytes32.wrap(root));
    assertThat(WithdrawalTree.root(List.of(l0)))
        .isEqualTo(
            Bytes32.wrap(Hash.sha3(Bytes.concatenate(l0, Bytes32.leftPad(Bytes.of(1))).toArray())));
    assertThat(WithdrawalTree.root(List.of())).isEqualTo(Bytes32.wrap(Hash.sha3(new byte[64])));
  }

  private static org.web3j.abi.datatypes.generated.Bytes32 b32(Bytes32 value) {
    return new org.web3j.abi.datatypes.generated.Bytes32(value.toArray());
  }

  /** keccak256(abi.encode(values)) by web3j: the call encoding without its 4-byte selector. */
  @SuppressWarnings("rawtypes")
  private static String keccakOfEncoding(Type... values) {
    String call = FunctionEncoder.encode(new Function("f", List.<Type>of(values), List.of()));
    return Hash.sha3("0x" + call.substring(10));
  }
}
