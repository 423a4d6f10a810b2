package io.basalt.execution.transaction;

/**
 * Why a transaction is refused. Each message is the error string go-ethereum gives for the same
 * case (core, core/txpool, core/types), so wallets and tools that match on them behave as they do
 * against Ethereum; the few Basalt-only cases say so.
 */
public enum TxRejection {
  /** Types 1, 3, 4 and unknown types; Basalt takes legacy and EIP-1559 only. */
  TX_TYPE_NOT_SUPPORTED("transaction type not supported"),
  /** Encoded size above {@link TransactionValidator#MAX_TX_SIZE} (geth's txMaxSize). */
  OVERSIZED_DATA("oversized data"),
  /** Basalt-only: there is no EVM yet, so nothing can create a contract. */
  CONTRACT_CREATION_NOT_SUPPORTED("contract creation not supported"),
  /** Legacy transaction signed before EIP-155 (v = 27/28): valid on every chain, so refused. */
  UNPROTECTED("only replay-protected (EIP-155) transactions allowed"),
  /**
   * The chain id (from v or the type-2 field) is not this shard's. geth says "invalid chain id for
   * signer" in core/types; the shorter form here is the one Basalt's issue names.
   */
  INVALID_CHAIN_ID("invalid chain id"),
  /** r or s outside [1, N-1], s above N/2 (EIP-2), or v/yParity not a valid recovery id. */
  INVALID_SIGNATURE("invalid transaction v, r, s values"),
  /** The signature values are in range but no public key recovers from them. */
  INVALID_SENDER("invalid sender"),
  /**
   * Gas limit above the gas still left in the block being built or executed (geth's
   * ErrGasLimitReached); the transaction may fit a later block.
   */
  BLOCK_GAS_LIMIT_REACHED("gas limit reached"),
  /** Gas limit above the block gas limit. */
  GAS_LIMIT_EXCEEDS_BLOCK("exceeds block gas limit"),
  /** maxPriorityFeePerGas > maxFeePerGas. */
  TIP_ABOVE_FEE_CAP("max priority fee per gas higher than max fee per gas"),
  /** maxFeePerGas (or a legacy gas price) below the block's base fee. */
  FEE_CAP_TOO_LOW("max fee per gas less than block base fee"),
  /** Computing the intrinsic gas overflowed 64 bits. */
  GAS_UINT64_OVERFLOW("gas uint64 overflow"),
  /** Gas limit below the intrinsic gas. */
  INTRINSIC_GAS_TOO_LOW("intrinsic gas too low"),
  /** The account nonce is 2^64-1 and cannot be incremented. */
  NONCE_MAX("nonce has max value"),
  /** Transaction nonce below the account nonce. */
  NONCE_TOO_LOW("nonce too low"),
  /** Transaction nonce above the account nonce (block inclusion only; the pool queues these). */
  NONCE_TOO_HIGH("nonce too high"),
  /** Balance below gasLimit * maxFeePerGas + value. */
  INSUFFICIENT_FUNDS("insufficient funds for gas * price + value");

  private final String message;

  TxRejection(String message) {
    this.message = message;
  }

  /** The Ethereum-client error string for this reason. */
  public String message() {
    return message;
  }
}
