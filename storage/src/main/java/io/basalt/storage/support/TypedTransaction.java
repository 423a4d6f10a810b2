package io.basalt.storage.support;

import static io.basalt.storage.support.Args.notNull;

import io.basalt.storage.Column;
import io.basalt.storage.KvStoreTransaction;
import io.basalt.storage.Schema;
import io.basalt.storage.StoreClosedException;
import io.basalt.storage.Variable;

/**
 * The typed {@link KvStoreTransaction} on top of raw writes: checks declarations and state,
 * encodes, and runs every step under the store's lifecycle guard. Not thread-safe.
 */
public abstract class TypedTransaction implements KvStoreTransaction, StoreLifecycle.Child {

  private enum State {
    OPEN,
    COMMITTED,
    CLOSED
  }

  private final Schema schema;
  private final StoreLifecycle lifecycle;
  private volatile State state = State.OPEN;

  protected TypedTransaction(Schema schema, StoreLifecycle lifecycle) {
    this.schema = schema;
    this.lifecycle = lifecycle;
    lifecycle.register(this);
  }

  protected abstract void rawPut(int table, byte[] key, byte[] value);

  protected abstract void rawDelete(int table, byte[] key);

  /** Applies every write atomically. */
  protected abstract void rawCommit();

  /** Frees the batch; uncommitted writes are dropped. */
  protected abstract void rawRelease();

  @Override
  public <K, V> KvStoreTransaction put(Column<K, V> column, K key, V value) {
    schema.requireDeclared(notNull(column, "column"));
    byte[] k = column.keyCodec().encode(notNull(key, "key"));
    byte[] v = column.valueCodec().encode(notNull(value, "value"));
    whileOpen(() -> rawPut(column.id(), k, v));
    return this;
  }

  @Override
  public <K, V> KvStoreTransaction delete(Column<K, V> column, K key) {
    schema.requireDeclared(notNull(column, "column"));
    byte[] k = column.keyCodec().encode(notNull(key, "key"));
    whileOpen(() -> rawDelete(column.id(), k));
    return this;
  }

  @Override
  public <V> KvStoreTransaction put(Variable<V> variable, V value) {
    schema.requireDeclared(notNull(variable, "variable"));
    byte[] v = variable.codec().encode(notNull(value, "value"));
    whileOpen(() -> rawPut(Tables.VARIABLES, Tables.variableKey(variable.id()), v));
    return this;
  }

  @Override
  public <V> KvStoreTransaction delete(Variable<V> variable) {
    schema.requireDeclared(notNull(variable, "variable"));
    whileOpen(() -> rawDelete(Tables.VARIABLES, Tables.variableKey(variable.id())));
    return this;
  }

  @Override
  public void commit() {
    whileOpen(
        () -> {
          rawCommit();
          state = State.COMMITTED;
        });
  }

  @Override
  public void close() {
    lifecycle.closeChild(
        this,
        () -> {
          if (state != State.CLOSED) {
            state = State.CLOSED;
            rawRelease();
          }
        });
    state = State.CLOSED;
  }

  private void whileOpen(Runnable action) {
    lifecycle.run(
        () -> {
          switch (state) {
            case COMMITTED -> throw new IllegalStateException("Transaction already committed");
            case CLOSED -> throw new StoreClosedException("Transaction is closed");
            case OPEN -> action.run();
          }
        });
  }
}
