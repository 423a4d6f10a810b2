package io.basalt.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Locates the shared conformance vectors and keeps count of which files a runner read, so the
 * runner can fail when one was left out.
 *
 * <p>The root comes from the system property {@code basalt.vectors.dir} (the build sets it to
 * {@code ../shared/vectors}). When the directory is absent the runner fails and says where it
 * looked: a missing vector set must never pass silently.
 */
public final class ConformanceVectors {

  public static final String PROPERTY = "basalt.vectors.dir";

  private final Path root;
  private final Set<Path> read = ConcurrentHashMap.newKeySet();

  private ConformanceVectors(Path root) {
    this.root = root;
  }

  /** The vector root, or a test failure naming where it was looked for. */
  public static ConformanceVectors locate() {
    String configured = System.getProperty(PROPERTY, "../../shared/vectors");
    Path root = Paths.get(configured).toAbsolutePath().normalize();
    assertThat(root)
        .withFailMessage(
            "Conformance vectors not found at %s (system property %s); they live in"
                + " ../shared/vectors beside the repository",
            root, PROPERTY)
        .isDirectory();
    return new ConformanceVectors(root);
  }

  public Path root() {
    return root;
  }

  /** Every regular file under {@code relativeDir}, sorted; fails if the directory is absent. */
  public List<Path> files(String relativeDir) {
    Path dir = root.resolve(relativeDir);
    assertThat(dir).withFailMessage("Vector directory missing: %s", dir).isDirectory();
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a vector file as text and records it as read. */
  public String read(Path file) {
    try {
      String text = Files.readString(file);
      read.add(file.toAbsolutePath().normalize());
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Marks a file as read when a runner consumed it by other means. */
  public void markRead(Path file) {
    read.add(file.toAbsolutePath().normalize());
  }

  /**
   * Fails if any file under {@code relativeDir} was not read; returns how many were. Call it after
   * all cases of a family ran.
   */
  public int assertAllRead(String relativeDir) {
    Set<Path> unread = new TreeSet<>();
    for (Path file : files(relativeDir)) {
      if (!read.contains(file.toAbsolutePath().normalize())) {
        unread.add(file);
      }
    }
    assertThat(unread).withFailMessage("Vector files not read: %s", unread).isEmpty();
    int count = files(relativeDir).size();
    System.out.printf("conformance %s: %d files read%n", relativeDir, count);
    return count;
  }
}
