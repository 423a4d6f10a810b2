package io.basalt.storage.support;

import io.basalt.common.types.UInt64;
import io.basalt.storage.IncompatibleSchemaException;
import io.basalt.storage.KvStore;
import io.basalt.storage.KvStoreTransaction;
import io.basalt.storage.Schema;
import java.util.Optional;

/**
 * Run when a store opens: records the schema version in a new database and refuses data written
 * with another version. There are no migrations yet, so an older version is refused as well.
 */
public final class SchemaVersionGuard {

  private SchemaVersionGuard() {}

  public static void checkAndRecord(KvStore store, String location) {
    UInt64 expected = store.schema().version();
    Optional<UInt64> stored = store.get(Schema.SCHEMA_VERSION);
    if (stored.isEmpty()) {
      try (KvStoreTransaction tx = store.startTransaction()) {
        tx.put(Schema.SCHEMA_VERSION, expected);
        tx.commit();
      }
      return;
    }
    UInt64 found = stored.get();
    if (found.isGreaterThan(expected)) {
      throw new IncompatibleSchemaException(
          "Database at "
              + location
              + " was written with schema version "
              + found
              + ", newer than version "
              + expected
              + " supported by this build; run a newer Basalt or use another data directory");
    }
    if (found.isLessThan(expected)) {
      throw new IncompatibleSchemaException(
          "Database at "
              + location
              + " has schema version "
              + found
              + " and no migration to version "
              + expected
              + " exists; use a fresh data directory");
    }
  }
}
