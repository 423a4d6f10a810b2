package io.basalt.testnet;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on {@code <data-dir>/testnet.lock}, held while a launcher owns the data dir, so
 * a second {@code basalt testnet} on the same dir stops before touching it. The OS releases the
 * lock when the launcher's process ends, however it ends.
 */
public final class DataDirLock implements AutoCloseable {

  public static final String FILE_NAME = "testnet.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock, creating {@code dataDir} if needed.
   *
   * @throws TestnetException if another running testnet holds it, or the dir is unusable
   */
  public static DataDirLock acquire(Path dataDir) throws TestnetException {
    FileChannel channel;
    try {
      Files.createDirectories(dataDir);
      channel =
          FileChannel.open(
              dataDir.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new TestnetException("cannot use data dir " + dataDir + ": " + e.getMessage(), e);
    }
    try {
      FileLock lock = channel.tryLock();
      if (lock != null) {
        return new DataDirLock(channel, lock);
      }
    } catch (OverlappingFileLockException e) {
      // This JVM holds it already: in use all the same.
    } catch (IOException e) {
      closeQuietly(channel);
      throw new TestnetException("cannot lock data dir " + dataDir + ": " + e.getMessage(), e);
    }
    closeQuietly(channel);
    throw inUse(dataDir);
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // Nothing was locked through it; the failure to report is the caller's.
    }
  }

  private static TestnetException inUse(Path dataDir) {
    return new TestnetException(
        "data dir "
            + dataDir
            + " is in use by a running testnet; stop it or pass another --data-dir");
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
