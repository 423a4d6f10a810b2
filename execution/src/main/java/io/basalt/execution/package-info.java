/** Account state, transactions, gas and fees, receipts and system contracts of a shard. */
package io.basalt.execution;
