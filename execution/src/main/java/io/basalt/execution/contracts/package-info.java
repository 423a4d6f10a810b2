/**
 * System contracts at fixed addresses (CrossShard, Staking, the reserved Settlement), implemented
 * in Java behind the Solidity ABI, and read-only calls ({@code eth_call}). Contracts decide; the
 * transaction processor applies their effects. See docs/execution.md.
 */
package io.basalt.execution.contracts;
