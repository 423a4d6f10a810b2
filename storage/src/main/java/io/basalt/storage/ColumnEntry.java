package io.basalt.storage;

/** One decoded key-value pair read from a {@link Column}. */
public record ColumnEntry<K, V>(K key, V value) {}
