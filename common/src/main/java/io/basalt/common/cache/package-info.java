/** Bounded in-memory caches. */
package io.basalt.common.cache;
