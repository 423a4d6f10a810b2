package io.basalt.node.chain;

import io.basalt.consensus.forkchoice.OwningThread;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns the beacon and shard chains (fork choice is single-threaded by contract,
 * as in Teku and Lighthouse): gossip, sync, duties and queries hop onto it. A task that throws is
 * logged and does not stop the thread.
 */
public final class ChainExecutor implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ChainExecutor.class);

  private final ScheduledExecutorService executor;
  private volatile Thread thread;

  public ChainExecutor() {
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "basalt-chain");
              t.setDaemon(true);
              thread = t;
              return t;
            });
  }

  /** The check fork choice runs on every call. */
  public OwningThread owner() {
    return () -> Thread.currentThread() == thread;
  }

  public boolean onChainThread() {
    return Thread.currentThread() == thread;
  }

  /** Runs {@code task} on the chain thread; the future completes with its result or failure. */
  public <T> CompletableFuture<T> submit(Callable<T> task) {
    CompletableFuture<T> result = new CompletableFuture<>();
    executor.execute(
        () -> {
          try {
            result.complete(task.call());
          } catch (Throwable t) {
            LOG.error("Chain task failed", t);
            result.completeExceptionally(t);
          }
        });
    return result;
  }

  public void execute(Runnable task) {
    submit(
        () -> {
          task.run();
          return null;
        });
  }

  /** Runs {@code task} on the chain thread and waits for it (runs inline when already there). */
  public <T> T call(Callable<T> task) {
    if (onChainThread()) {
      try {
        return task.call();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    try {
      return submit(task).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted waiting for the chain thread", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Runs {@code task} on the chain thread after {@code delayMillis}. */
  public void after(long delayMillis, Runnable task) {
    executor.schedule(() -> safely(task), delayMillis, TimeUnit.MILLISECONDS);
  }

  private static void safely(Runnable task) {
    try {
      task.run();
    } catch (Throwable t) {
      LOG.error("Chain task failed", t);
    }
  }

  /** Stops accepting tasks and waits a few seconds for the running one. */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
