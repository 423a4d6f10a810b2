package io.basalt.storage.memory;

import io.basalt.storage.Schema;
import io.basalt.storage.support.KeyBounds;
import io.basalt.storage.support.RawCursor;
import io.basalt.storage.support.StoreLifecycle;
import io.basalt.storage.support.TypedReader;
import java.util.Iterator;
import java.util.Map;

/** Reads from the {@link MemoryState} that {@link #state()} gives: the latest, or a fixed one. */
abstract class MemoryReader extends TypedReader {

  private final String description;

  MemoryReader(Schema schema, StoreLifecycle lifecycle, String description) {
    super(schema, lifecycle);
    this.description = description;
  }

  abstract MemoryState state();

  @Override
  protected byte[] rawGet(int table, byte[] key) {
    byte[] value = state().table(table).get(key);
    return value == null ? null : value.clone();
  }

  @Override
  protected RawCursor rawCursor(int table, KeyBounds bounds) {
    Iterator<Map.Entry<byte[], byte[]>> it =
        state().table(table).tailMap(bounds.seek(), true).entrySet().iterator();
    return new RawCursor() {
      private boolean done;

      @Override
      public RawEntry next() {
        if (done || !it.hasNext()) {
          done = true;
          return null;
        }
        Map.Entry<byte[], byte[]> e = it.next();
        if (!bounds.contains(e.getKey())) {
          done = true;
          return null;
        }
        return new RawEntry(e.getKey().clone(), e.getValue().clone());
      }

      @Override
      public void close() {
        done = true;
      }
    };
  }

  @Override
  protected String readerDescription() {
    return description;
  }
}
