package io.basalt.storage.support;

import io.basalt.storage.StoreClosedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Makes "use after close" a {@link StoreClosedException} instead of a JVM crash.
 *
 * <p>Every operation that touches the database runs under the read lock after checking that the
 * store is open; {@link #close} takes the write lock, so it waits for running operations and no
 * operation can start on released native memory. Child resources (streams, snapshots, transactions)
 * register here and are closed first when the store closes.
 */
public final class StoreLifecycle {

  /** A resource owned by the store; {@code close} must be idempotent. */
  public interface Child {
    void close();
  }

  private final String description;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Set<Child> children = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  public StoreLifecycle(String description) {
    this.description = description;
  }

  /** Runs {@code action} while the store is guaranteed to stay open. */
  public <T> T read(Supplier<T> action) {
    lock.readLock().lock();
    try {
      if (closed) {
        throw new StoreClosedException(description + " is closed");
      }
      return action.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  public void run(Runnable action) {
    read(
        () -> {
          action.run();
          return null;
        });
  }

  /**
   * Releases a child: runs {@code release} unless the store is already closed (then the store
   * released it) and forgets the child.
   */
  public void closeChild(Child child, Runnable release) {
    lock.readLock().lock();
    try {
      if (!closed) {
        release.run();
      }
    } finally {
      children.remove(child);
      lock.readLock().unlock();
    }
  }

  public void register(Child child) {
    children.add(child);
  }

  public boolean isClosed() {
    return closed;
  }

  /**
   * Closes every child, then runs {@code releaseStore}, once. Returns false when already closed.
   */
  public boolean close(Runnable releaseStore) {
    lock.writeLock().lock();
    try {
      if (closed) {
        return false;
      }
      // Children close while the store is still marked open, so they release their own native
      // resources (the write lock holder may take the read lock).
      List<Child> open = new ArrayList<>(children);
      RuntimeException failure = null;
      for (Child child : open) {
        try {
          child.close();
        } catch (RuntimeException e) {
          failure = failure == null ? e : failure;
        }
      }
      children.clear();
      closed = true;
      releaseStore.run();
      if (failure != null) {
        throw failure;
      }
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  public String description() {
    return description;
  }
}
