package io.basalt.execution.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.crypto.secp256k1.SecpEcdsa;
import io.basalt.common.crypto.secp256k1.SecpPrivateKey;
import io.basalt.common.types.Address;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.execution.abi.AbiDecodingException;
import io.basalt.execution.abi.AbiFunction;
import io.basalt.execution.contracts.CallResult;
import io.basalt.execution.contracts.MessagingView;
import io.basalt.execution.contracts.SettlementView;
import io.basalt.execution.contracts.SystemCalls;
import io.basalt.execution.contracts.SystemContracts;
import io.basalt.execution.processor.ApplyResult;
import io.basalt.execution.processor.BlockEnv;
import io.basalt.execution.processor.RecoveredTransaction;
import io.basalt.execution.processor.TransactionOutcome;
import io.basalt.execution.processor.TransactionProcessor;
import io.basalt.execution.state.Account;
import io.basalt.execution.state.Wei;
import io.basalt.execution.state.WorldState;
import io.basalt.execution.transaction.Eip1559Transaction;
import io.basalt.execution.transaction.TransactionSigner;
import io.basalt.execution.trie.TrieTestSupport;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Runs Settlement calls as real signed transactions through the {@link TransactionProcessor} on
 * shard 0, with an injectable Layer-1 view (slot, justified and finalized shard slots). Accounts
 * 0..3 start with 1000 ether; burned fees are summed so supply can be checked.
 */
final class SettlementHarness {

  static final long CHAIN_ID = 7_612_900L;
  static final int SHARD = 0;
  static final BigInteger ETHER = BigInteger.TEN.pow(18);
  static final BigInteger GWEI = BigInteger.TEN.pow(9);
  static final SettlementParams PARAMS = new SettlementParams(ETHER, 16);
  static final Address FEE_RECIPIENT =
      Address.fromHexString("0x00000000000000000000000000000000000000fe");
  static final SecpEcdsa ECDSA = SecpEcdsa.getDefault();

  final SystemContracts contracts =
      new SystemContracts((pubkey, withdrawal, gwei, sig) -> true, 1_000_000_000L, PARAMS);
  final TransactionProcessor processor = new TransactionProcessor(contracts);
  final WorldState state = WorldState.empty(TrieTestSupport.memoryNodeStore());
  final List<SecpPrivateKey> keys = new ArrayList<>();
  final List<Address> addresses = new ArrayList<>();
  final long[] nonces = new long[4];
  final BigInteger initialSupply;
  BigInteger burned = BigInteger.ZERO;

  long slot = 100;
  Optional<Slot> justified = Optional.empty();
  Optional<Slot> finalized = Optional.empty();

  SettlementHarness() {
    for (int i = 0; i < 4; i++) {
      SecpPrivateKey key = SecpPrivateKey.fromBytes(Bytes32.leftPad(Bytes.of(0x41 + i)));
      keys.add(key);
      Address address = Address.fromPublicKey(ECDSA.publicKeyOf(key));
      addresses.add(address);
      state.put(
          address, Account.of(UInt64.ZERO, new Wei(ETHER.multiply(BigInteger.valueOf(1000)))));
    }
    initialSupply = supply();
  }

  Address address(int user) {
    return addresses.get(user);
  }

  SettlementView view() {
    return SettlementView.of(CHAIN_ID, Slot.of(slot), justified, finalized);
  }

  /** Marks everything up to {@code shardSlot} finalized (and justified). */
  void finalizeUpTo(long shardSlot) {
    finalized = Optional.of(Slot.of(shardSlot));
    justified = finalized;
  }

  BlockEnv env() {
    return new BlockEnv(
        SHARD,
        4,
        CHAIN_ID,
        GWEI,
        UInt64.valueOf(30_000_000),
        FEE_RECIPIENT,
        MessagingView.NONE,
        view());
  }

  /** Sends a transaction calling {@code function}; returns its outcome (success or revert). */
  TransactionOutcome send(int user, AbiFunction function, List<?> arguments, BigInteger value) {
    return sendData(user, function.encodeCall(arguments), value);
  }

  TransactionOutcome sendData(int user, Bytes data, BigInteger value) {
    Eip1559Transaction unsigned =
        Eip1559Transaction.unsigned(
            BigInteger.valueOf(CHAIN_ID),
            UInt64.valueOf(nonces[user]++),
            GWEI,
            GWEI.multiply(BigInteger.TEN),
            UInt64.valueOf(3_000_000),
            Optional.of(SystemContracts.SETTLEMENT),
            value,
            data,
            List.of());
    RecoveredTransaction tx =
        new RecoveredTransaction(
            TransactionSigner.sign(unsigned, keys.get(user), ECDSA), addresses.get(user));
    ApplyResult result = processor.apply(state, env(), tx, UInt64.valueOf(30_000_000));
    assertThat(result).isInstanceOf(TransactionOutcome.class);
    TransactionOutcome outcome = (TransactionOutcome) result;
    burned = burned.add(outcome.burned().value());
    return outcome;
  }

  /** Sends and expects success. */
  TransactionOutcome ok(int user, AbiFunction function, List<?> arguments, BigInteger value) {
    TransactionOutcome outcome = send(user, function, arguments, value);
    assertThat(outcome.revertReason()).isEmpty();
    assertThat(outcome.success()).isTrue();
    return outcome;
  }

  /** Sends and expects a revert whose reason contains {@code reason}; returns the outcome. */
  TransactionOutcome reverts(
      int user, AbiFunction function, List<?> arguments, BigInteger value, String reason) {
    TransactionOutcome outcome = send(user, function, arguments, value);
    assertThat(outcome.success()).isFalse();
    assertThat(outcome.revertReason()).hasValueSatisfying(r -> assertThat(r).contains(reason));
    return outcome;
  }

  /** A read-only call's decoded return values. */
  List<Object> view(AbiFunction function, List<?> arguments) {
    CallResult result = rawCall(function, arguments);
    assertThat(result.revertReason()).isEmpty();
    try {
      return function.decodeReturn(result.data());
    } catch (AbiDecodingException e) {
      throw new AssertionError(e);
    }
  }

  CallResult rawCall(AbiFunction function, List<?> arguments) {
    return new SystemCalls(contracts, SHARD, 4)
        .call(
            addresses.get(0),
            SystemContracts.SETTLEMENT,
            function.encodeCall(arguments),
            BigInteger.ZERO,
            MessagingView.NONE,
            view(),
            state);
  }

  BigInteger balance(Address address) {
    return state.getOrEmpty(address).balance().value();
  }

  /** Every balance this harness can touch: users, the contract and the fee recipient. */
  BigInteger supply() {
    BigInteger total = balance(SystemContracts.SETTLEMENT).add(balance(FEE_RECIPIENT));
    for (Address a : addresses) {
      total = total.add(balance(a));
    }
    return total;
  }
}
