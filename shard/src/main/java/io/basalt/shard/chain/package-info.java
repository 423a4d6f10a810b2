/** Shard chain services: imported blocks and states, and fork choice, per shard on a node. */
package io.basalt.shard.chain;
