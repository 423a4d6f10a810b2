/** Concurrency for shards: blocks of different shards in parallel, and parallel sender recovery. */
package io.basalt.shard.executor;
