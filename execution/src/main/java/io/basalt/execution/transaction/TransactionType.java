package io.basalt.execution.transaction;

/**
 * The EIP-2718 transaction types Basalt accepts. Access-list (1), blob (3) and set-code (4)
 * transactions are refused at decoding with {@link TxRejection#TX_TYPE_NOT_SUPPORTED}.
 */
public enum TransactionType {
  /** The untyped RLP list, signed per EIP-155 (or, refused by the validator, before it). */
  LEGACY(-1),
  /** {@code 0x02 || rlp(...)}: EIP-1559 fee market transaction. */
  EIP1559(0x02);

  private final int typeByte;

  TransactionType(int typeByte) {
    this.typeByte = typeByte;
  }

  /** The EIP-2718 type byte; -1 for legacy transactions, which have none. */
  public int typeByte() {
    return typeByte;
  }
}
