package io.basalt.execution.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import io.basalt.execution.state.Account;
import io.basalt.execution.state.Wei;
import io.basalt.execution.state.WorldState;
import io.basalt.execution.trie.TrieTestSupport;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;

/** Read-only calls ({@code eth_call}): views, reverts with Error(string) data, no state change. */
class SystemCallsTest {

  private static final BigInteger ETHER = BigInteger.TEN.pow(18);
  private static final Address CALLER =
      Address.fromHexString("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
  private static final Address SOMEONE =
      Address.fromHexString("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");

  /** Outgoing: 10·d + 1 to shard d, 5 to the beacon chain; incoming: 100·s + 7. */
  private static final MessagingView VIEW =
      new MessagingView() {
        @Override
        public long outgoingCount(int destination) {
          return destination == BEACON ? 5 : 10L * destination + 1;
        }

        @Override
        public long incomingCount(int source) {
          return 100L * source + 7;
        }
      };

  private final SystemContracts contracts =
      new SystemContracts((pubkey, withdrawal, gwei, signature) -> true, 32_000_000_000L);
  private final SystemCalls calls = new SystemCalls(contracts, 1, 4);
  private final WorldState state = WorldState.empty(TrieTestSupport.memoryNodeStore());

  SystemCallsTest() {
    state.put(CALLER, Account.of(UInt64.ZERO, new Wei(ETHER.multiply(BigInteger.TEN))));
  }

  private CallResult call(Address to, Bytes data, BigInteger value) {
    Bytes32 root = state.rootHash();
    CallResult result = calls.call(CALLER, to, data, value, VIEW, state);
    assertThat(state.rootHash()).isEqualTo(root);
    return result;
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Object web3jDecodeSingle(Bytes data, TypeReference<?> type) {
    List<Type> values = FunctionReturnDecoder.decode(data.toHexString(), (List) List.of(type));
    return values.getFirst().getValue();
  }

  private static void assertReverted(CallResult result, String reason) {
    assertThat(result.success()).isFalse();
    assertThat(result.revertReason()).isEqualTo(Optional.of(reason));
    assertThat(result.data().slice(0, 4)).isEqualTo(Bytes.fromHexString("0x08c379a0"));
    assertThat(web3jDecodeSingle(result.data().slice(4), new TypeReference<Utf8String>() {}))
        .isEqualTo(reason);
  }

  @Test
  void shouldAnswerCrossShardViews() {
    CallResult outgoing =
        call(
            SystemContracts.CROSS_SHARD,
            CrossShard.OUTGOING_COUNT.encodeCall(List.of(BigInteger.TWO)),
            BigInteger.ZERO);
    CallResult incoming =
        call(
            SystemContracts.CROSS_SHARD,
            CrossShard.INCOMING_COUNT.encodeCall(List.of(BigInteger.valueOf(3))),
            BigInteger.ZERO);

    assertThat(web3jDecodeSingle(outgoing.data(), new TypeReference<Uint64>() {}))
        .isEqualTo(BigInteger.valueOf(21));
    assertThat(web3jDecodeSingle(incoming.data(), new TypeReference<Uint64>() {}))
        .isEqualTo(BigInteger.valueOf(307));
  }

  @Test
  void shouldAnswerStakingViews() {
    CallResult min =
        call(SystemContracts.STAKING, Staking.MIN_DEPOSIT.encodeCall(List.of()), BigInteger.ZERO);
    CallResult count =
        call(SystemContracts.STAKING, Staking.DEPOSIT_COUNT.encodeCall(List.of()), BigInteger.ZERO);

    assertThat(web3jDecodeSingle(min.data(), new TypeReference<Uint256>() {}))
        .isEqualTo(ETHER.multiply(BigInteger.valueOf(32)));
    assertThat(web3jDecodeSingle(count.data(), new TypeReference<Uint64>() {}))
        .isEqualTo(BigInteger.valueOf(5));
  }

  @Test
  void shouldSimulateATransferWithoutChangingState() {
    CallResult result =
        call(
            SystemContracts.CROSS_SHARD,
            CrossShard.TRANSFER.encodeCall(List.of(BigInteger.ZERO, SOMEONE)),
            ETHER);

    assertThat(result.success()).isTrue();
    assertThat(result.data()).isEqualTo(Bytes.EMPTY);
    assertThat(state.getOrEmpty(CALLER).balance().value())
        .isEqualTo(ETHER.multiply(BigInteger.TEN));
  }

  @Test
  void shouldRevertWithReadableReasons() {
    assertReverted(
        call(
            SystemContracts.CROSS_SHARD,
            CrossShard.OUTGOING_COUNT.encodeCall(List.of(BigInteger.ONE)),
            BigInteger.ONE),
        "outgoingCount is not payable");
    assertReverted(
        call(SystemContracts.CROSS_SHARD, Bytes.fromHexString("0xdeadbeef"), BigInteger.ZERO),
        "unknown function selector 0xdeadbeef");
    assertReverted(
        call(SystemContracts.STAKING, Bytes.fromHexString("0x0102"), BigInteger.ZERO),
        "calldata of 2 bytes has no function selector");
    Bytes badAddress =
        Bytes.concatenate(
            CrossShard.TRANSFER.selector(),
            Bytes32.leftPad(Bytes.of(2)),
            Bytes32.fromHexString("0x01" + "00".repeat(11) + "11".repeat(20)));
    assertReverted(
        call(SystemContracts.CROSS_SHARD, badAddress, ETHER),
        "argument 2 (address): upper 12 bytes are not zero");
    assertReverted(
        call(
            SystemContracts.CROSS_SHARD,
            CrossShard.TRANSFER.encodeCall(List.of(BigInteger.ONE, SOMEONE)),
            ETHER),
        "toShard is this shard; send a plain transfer instead");
    assertReverted(
        call(SystemContracts.SETTLEMENT, Bytes.fromHexString("0x12345678"), BigInteger.ZERO),
        "unknown function selector 0x12345678");
    assertReverted(
        call(
            SystemContracts.CROSS_SHARD,
            CrossShard.TRANSFER.encodeCall(List.of(BigInteger.ZERO, SOMEONE)),
            ETHER.multiply(BigInteger.valueOf(11))),
        "insufficient funds for transfer");
  }

  @Test
  void shouldReturnNothingForAccountsWithoutCode() {
    CallResult result = call(SOMEONE, Bytes.fromHexString("0x12345678"), BigInteger.ZERO);

    assertThat(result).isEqualTo(CallResult.returned(Bytes.EMPTY));
  }

  @Test
  void shouldFixTheAddresses() {
    assertThat(SystemContracts.CROSS_SHARD.toHexString())
        .isEqualToIgnoringCase("0xBa5a170000000000000000000000000000000001");
    assertThat(SystemContracts.STAKING.toHexString())
        .isEqualToIgnoringCase("0xBa5a170000000000000000000000000000000002");
    assertThat(SystemContracts.SETTLEMENT.toHexString())
        .isEqualToIgnoringCase("0xBa5a170000000000000000000000000000000003");
    assertThat(SystemContracts.isSystemContract(SystemContracts.STAKING)).isTrue();
    assertThat(SystemContracts.isSystemContract(SOMEONE)).isFalse();
    assertThat(contracts.at(SOMEONE)).isEmpty();
    assertThat(contracts.at(SystemContracts.SETTLEMENT)).isPresent();
    assertThat(CallResult.ERROR_SELECTOR).isEqualTo(Bytes.fromHexString("0x08c379a0"));
  }

  @Test
  void shouldUseTheDocumentedSelectors() {
    assertThat(CrossShard.TRANSFER.signature()).isEqualTo("transfer(uint32,address)");
    assertThat(Staking.DEPOSIT.signature()).isEqualTo("deposit(bytes,address,bytes)");
    assertThat(CrossShard.TRANSFER_INITIATED.signature())
        .isEqualTo("CrossShardTransferInitiated(uint32,address,address,uint256)");
    assertThat(Staking.DEPOSIT_MADE.signature()).isEqualTo("DepositMade(bytes,address,uint256)");
  }
}
