package io.basalt.testnet;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

/**
 * The launcher's data dir: {@code genesis/} (genesis files and per-node keystores), {@code
 * node-<k>/} (each node's data dir and {@code node.log}), {@code testnet.json} and the lock. Every
 * run starts from a fresh genesis, so an old testnet's files are removed; a directory that is not a
 * testnet's is never touched.
 */
public final class TestnetDataDir {

  private TestnetDataDir() {}

  public static Path genesisDir(Path dataDir) {
    return dataDir.resolve("genesis");
  }

  public static Path nodeDir(Path dataDir, int k) {
    return dataDir.resolve("node-" + k);
  }

  /**
   * Empties {@code dataDir} for a fresh testnet, keeping the lock file the caller holds.
   *
   * @throws TestnetException if it holds files but is not a testnet's data dir
   */
  public static void clear(Path dataDir) throws TestnetException {
    try (Stream<Path> entries = Files.list(dataDir)) {
      List<Path> all = entries.toList();
      boolean testnet =
          all.stream()
              .map(p -> p.getFileName().toString())
              .anyMatch(n -> n.equals(TestnetInfo.FILE_NAME) || n.equals("genesis"));
      List<Path> others =
          all.stream()
              .filter(p -> !p.getFileName().toString().equals(DataDirLock.FILE_NAME))
              .toList();
      if (!others.isEmpty() && !testnet) {
        throw new TestnetException(
            "data dir "
                + dataDir
                + " is not empty and holds no testnet; pass another --data-dir or empty it");
      }
      for (Path entry : others) {
        deleteRecursively(entry);
      }
    } catch (IOException e) {
      throw new TestnetException("cannot clear data dir " + dataDir + ": " + e.getMessage(), e);
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.isDirectory(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      Files.delete(root);
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
