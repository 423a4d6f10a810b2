/** Shard fork choice anchored to the beacon chain's crosslinks. */
package io.basalt.shard.forkchoice;
