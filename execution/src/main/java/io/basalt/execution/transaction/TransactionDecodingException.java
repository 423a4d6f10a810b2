package io.basalt.execution.transaction;

/**
 * Bytes that are not a transaction Basalt can take: malformed or non-canonical RLP, a wrong field
 * count or width, or an unsupported transaction type ({@link #isUnsupportedType()}).
 */
public final class TransactionDecodingException extends Exception {

  private final boolean unsupportedType;

  private TransactionDecodingException(String message, boolean unsupportedType) {
    super(message);
    this.unsupportedType = unsupportedType;
  }

  static TransactionDecodingException malformed(String detail) {
    return new TransactionDecodingException("malformed transaction: " + detail, false);
  }

  static TransactionDecodingException unsupportedType(int type) {
    return new TransactionDecodingException(
        TxRejection.TX_TYPE_NOT_SUPPORTED.message() + ": " + String.format("0x%02x", type), true);
  }

  /**
   * Whether the bytes were refused for their EIP-2718 type alone, which an RPC reports as {@link
   * TxRejection#TX_TYPE_NOT_SUPPORTED}.
   */
  public boolean isUnsupportedType() {
    return unsupportedType;
  }
}
