package io.basalt.execution.transaction;

import io.basalt.common.types.UInt64;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/**
 * The gas a transaction costs before it runs, as Ethereum charges it (Shanghai/Cancun rules, geth
 * {@code core.IntrinsicGas}): 21,000 (53,000 for creation), 4 per zero and 16 per non-zero data
 * byte, 2,400 per access-list address and 1,900 per storage key, and for creation 2 per 32-byte
 * word of init code (EIP-3860).
 */
public final class IntrinsicGas {

  public static final long TX_GAS = 21_000;
  public static final long TX_CREATION_GAS = 53_000;
  public static final long ZERO_BYTE_GAS = 4;
  public static final long NON_ZERO_BYTE_GAS = 16;
  public static final long ACCESS_LIST_ADDRESS_GAS = 2_400;
  public static final long ACCESS_LIST_STORAGE_KEY_GAS = 1_900;
  public static final long INIT_CODE_WORD_GAS = 2;

  private IntrinsicGas() {}

  /** The intrinsic gas of {@code tx}; empty when it does not fit in 64 bits. */
  public static Optional<UInt64> of(Transaction tx) {
    Bytes data = tx.data();
    long nonZero = 0;
    for (int i = 0; i < data.size(); i++) {
      if (data.get(i) != 0) {
        nonZero++;
      }
    }
    long storageKeys = 0;
    for (AccessListEntry entry : tx.accessList()) {
      storageKeys += entry.storageKeys().size();
    }
    return of(
        tx.isContractCreation(),
        data.size() - nonZero,
        nonZero,
        tx.accessList().size(),
        storageKeys);
  }

  /**
   * The intrinsic gas from counts, all non-negative; empty on 64-bit overflow. Separate so the
   * overflow case can be reached without an exabyte of data.
   */
  static Optional<UInt64> of(
      boolean creation, long zeroBytes, long nonZeroBytes, long addresses, long storageKeys) {
    try {
      UInt64 gas = UInt64.valueOf(creation ? TX_CREATION_GAS : TX_GAS);
      gas = gas.plus(UInt64.valueOf(nonZeroBytes).times(NON_ZERO_BYTE_GAS));
      gas = gas.plus(UInt64.valueOf(zeroBytes).times(ZERO_BYTE_GAS));
      if (creation) {
        UInt64 length = UInt64.valueOf(zeroBytes).plus(nonZeroBytes);
        UInt64 words = length.dividedBy(32).plus(length.mod(32).isZero() ? 0 : 1);
        gas = gas.plus(words.times(INIT_CODE_WORD_GAS));
      }
      gas = gas.plus(UInt64.valueOf(addresses).times(ACCESS_LIST_ADDRESS_GAS));
      gas = gas.plus(UInt64.valueOf(storageKeys).times(ACCESS_LIST_STORAGE_KEY_GAS));
      return Optional.of(gas);
    } catch (ArithmeticException overflow) {
      return Optional.empty();
    }
  }
}
