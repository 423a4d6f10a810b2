package io.basalt.execution.processor;

import static io.basalt.execution.processor.SignedTx.ADDRESS_0;
import static io.basalt.execution.processor.SignedTx.CHAIN_ID;
import static io.basalt.execution.processor.SignedTx.ETHER;
import static io.basalt.execution.processor.SignedTx.GWEI;

import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import io.basalt.execution.contracts.DepositSignatureCheck;
import io.basalt.execution.contracts.MessagingView;
import io.basalt.execution.contracts.SystemContracts;
import io.basalt.execution.state.Account;
import io.basalt.execution.state.Wei;
import io.basalt.execution.state.WorldState;
import io.basalt.execution.trie.TrieTestSupport;
import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;

/** Shared setup: shard 0 of 4, base fee 7 gwei, 100 ETH for account 0 at nonce 5. */
final class ProcessorFixture {

  static final Address FEE_RECIPIENT =
      Address.fromHexString("0x00000000000000000000000000000000000000fe");
  static final BigInteger BASE_FEE = GWEI.multiply(BigInteger.valueOf(7));
  static final UInt64 BLOCK_GAS_LIMIT = UInt64.valueOf(30_000_000);
  static final long MIN_DEPOSIT_GWEI = 1_000_000_000L;
  static final long START_NONCE = 5;
  static final BigInteger START_BALANCE = ETHER.multiply(BigInteger.valueOf(100));

  /** A stand-in for the beacon rule: valid when the signature's first byte is 0x01. */
  static final DepositSignatureCheck SIGNATURE_CHECK =
      (pubkey, withdrawal, amountGwei, signature) -> signature.get(0) == 1;

  static final SystemContracts CONTRACTS = new SystemContracts(SIGNATURE_CHECK, MIN_DEPOSIT_GWEI);

  private ProcessorFixture() {}

  static BlockEnv env() {
    return env(BLOCK_GAS_LIMIT);
  }

  static BlockEnv env(UInt64 gasLimit) {
    return new BlockEnv(0, 4, CHAIN_ID, BASE_FEE, gasLimit, FEE_RECIPIENT, MessagingView.NONE);
  }

  static WorldState state() {
    WorldState state = WorldState.empty(TrieTestSupport.memoryNodeStore());
    state.put(ADDRESS_0, Account.of(UInt64.valueOf(START_NONCE), new Wei(START_BALANCE)));
    return state;
  }

  static BigInteger balance(WorldState state, Address address) {
    return state.getOrEmpty(address).balance().value();
  }

  static Bytes pubkey() {
    return Bytes.repeat((byte) 0xaa, 48);
  }

  static Bytes signature(boolean valid) {
    return Bytes.concatenate(Bytes.of(valid ? 1 : 2), Bytes.repeat((byte) 0xbb, 95));
  }
}
