/**
 * The per-shard transaction pool: admission with geth's rules and messages, pending and queued
 * transactions per sender, eviction when full, and selection for the shard block producer.
 */
package io.basalt.shard.mempool;
