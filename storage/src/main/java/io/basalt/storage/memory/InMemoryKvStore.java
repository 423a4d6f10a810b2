package io.basalt.storage.memory;

import io.basalt.storage.KvStore;
import io.basalt.storage.KvStoreSnapshot;
import io.basalt.storage.KvStoreTransaction;
import io.basalt.storage.Schema;
import io.basalt.storage.support.SchemaVersionGuard;
import io.basalt.storage.support.StoreLifecycle;
import io.basalt.storage.support.TypedTransaction;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link KvStore} held in sorted maps, with the same semantics as the RocksDB store (atomic
 * commits, snapshot isolation, byte-ordered iteration, closed-store errors). Meant for tests of
 * other modules and for tools; nothing is persisted.
 *
 * <p>Each commit publishes a new immutable version, copying the tables it touches, so a commit
 * costs time proportional to the size of those tables: fine for tests, not for a node.
 */
public final class InMemoryKvStore extends MemoryReader implements KvStore {

  private final Object commitLock = new Object();
  private volatile MemoryState state = MemoryState.EMPTY;

  private InMemoryKvStore(Schema schema) {
    super(schema, new StoreLifecycle("In-memory store"), "In-memory store");
  }

  /** A new empty store; its schema version is recorded like a fresh RocksDB store. */
  public static InMemoryKvStore create(Schema schema) {
    InMemoryKvStore store = new InMemoryKvStore(schema);
    SchemaVersionGuard.checkAndRecord(store, "memory");
    return store;
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public KvStoreTransaction startTransaction() {
    return lifecycle.read(Transaction::new);
  }

  @Override
  public KvStoreSnapshot snapshot() {
    return lifecycle.read(() -> new Snapshot(state));
  }

  @Override
  public void close() {
    lifecycle.close(() -> state = MemoryState.EMPTY);
  }

  @Override
  MemoryState state() {
    return state;
  }

  private final class Transaction extends TypedTransaction {
    private List<MemoryState.Write> writes = new ArrayList<>();

    Transaction() {
      super(InMemoryKvStore.this.schema, InMemoryKvStore.this.lifecycle);
    }

    @Override
    protected void rawPut(int table, byte[] key, byte[] value) {
      writes.add(new MemoryState.Write(table, key, value));
    }

    @Override
    protected void rawDelete(int table, byte[] key) {
      writes.add(new MemoryState.Write(table, key, null));
    }

    @Override
    protected void rawCommit() {
      synchronized (commitLock) {
        state = state.apply(writes);
      }
    }

    @Override
    protected void rawRelease() {
      writes = List.of();
    }
  }

  private final class Snapshot extends MemoryReader
      implements KvStoreSnapshot, StoreLifecycle.Child {

    private final MemoryState fixed;

    Snapshot(MemoryState fixed) {
      super(InMemoryKvStore.this.schema, InMemoryKvStore.this.lifecycle, "In-memory snapshot");
      this.fixed = fixed;
      lifecycle.register(this);
    }

    @Override
    MemoryState state() {
      return fixed;
    }

    @Override
    public void close() {
      lifecycle.closeChild(this, this::closeReader);
    }
  }
}
