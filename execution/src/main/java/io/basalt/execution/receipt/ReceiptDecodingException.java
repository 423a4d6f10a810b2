package io.basalt.execution.receipt;

/**
 * Bytes that are not a receipt Basalt can take: malformed or non-canonical RLP, a wrong field count
 * or width, a status other than success or failure, a bloom that does not match the logs, or a
 * receipt type other than legacy and EIP-1559.
 */
public final class ReceiptDecodingException extends Exception {

  ReceiptDecodingException(String detail) {
    super("malformed receipt: " + detail);
  }
}
