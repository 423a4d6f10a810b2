/**
 * Applying transactions and blocks to a shard's world state: validation, gas purchase, transfers
 * and system calls, fee burn and tips, receipts and the value that leaves the shard. See
 * docs/execution.md.
 */
package io.basalt.execution.processor;
