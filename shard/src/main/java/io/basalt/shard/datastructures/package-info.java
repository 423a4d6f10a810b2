/** Shard block containers and their SSZ schemas. */
package io.basalt.shard.datastructures;
