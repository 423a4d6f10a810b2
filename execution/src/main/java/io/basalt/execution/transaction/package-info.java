/**
 * Ethereum-signed transactions as a shard takes them: legacy (EIP-155) and EIP-1559 (type 2)
 * decoding and encoding, hashes, sender recovery, intrinsic gas, EIP-1559 fee arithmetic and
 * validation with Ethereum clients' rejection reasons. See docs/transactions.md.
 */
package io.basalt.execution.transaction;
