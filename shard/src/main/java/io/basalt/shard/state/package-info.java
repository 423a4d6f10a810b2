/** The state of a shard between blocks, and its genesis. */
package io.basalt.shard.state;
