/**
 * Building blocks shared by the store implementations (lifecycle guard, key bounds, typed reader
 * and transaction on top of raw bytes). Not for callers of the storage API.
 */
package io.basalt.storage.support;
