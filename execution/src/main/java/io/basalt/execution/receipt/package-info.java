/** Transaction receipts, logs and their bloom filter, encoded as Ethereum encodes them. */
package io.basalt.execution.receipt;
