package io.basalt.storage.rocksdb;

import static io.basalt.storage.TestSchema.NAME;
import static io.basalt.storage.TestSchema.RAW;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.storage.ColumnEntry;
import io.basalt.storage.KvStore;
import io.basalt.storage.TestSchema;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a real child JVM holding the database open and checks what survives on disk. */
class RocksDbCrashTest {

  /** Exit status the JDK reports for a process ended by signal 9: 128 + SIGKILL. */
  private static final int KILLED_BY_SIGKILL = 128 + 9;

  @TempDir Path tmp;

  @Test
  void shouldKeepCommittedAndDropUncommittedWritesWhenKilled() throws Exception {
    Path db = tmp.resolve("db");
    runChildAndKill(db, "pending", "READY");

    try (KvStore store = RocksDbKvStore.open(db, RocksDbConfig.defaults(), TestSchema.SCHEMA)) {
      assertThat(store.get(NAME)).contains("first");
      for (int i = 0; i < RocksDbCrashChild.FIRST_KEYS; i++) {
        assertThat(store.get(RAW, RocksDbCrashChild.firstKey(i))).contains(Bytes.of(i));
      }
      try (Stream<ColumnEntry<Bytes, Bytes>> all = store.stream(RAW)) {
        assertThat(all.count()).isEqualTo(RocksDbCrashChild.FIRST_KEYS);
      }
    }
  }

  @Test
  void shouldKeepACommitThatReturnedBeforeTheKill() throws Exception {
    Path db = tmp.resolve("db");
    runChildAndKill(db, "committed", "COMMITTED");

    try (KvStore store = RocksDbKvStore.open(db, RocksDbConfig.defaults(), TestSchema.SCHEMA)) {
      assertThat(store.get(NAME)).contains("second");
      for (int i = 0; i < RocksDbCrashChild.SECOND_KEYS; i++) {
        assertThat(store.get(RAW, RocksDbCrashChild.secondKey(i))).contains(Bytes.of(i));
      }
      try (Stream<ColumnEntry<Bytes, Bytes>> all = store.stream(RAW)) {
        assertThat(all.count())
            .isEqualTo(RocksDbCrashChild.FIRST_KEYS + RocksDbCrashChild.SECOND_KEYS);
      }
    }
  }

  private void runChildAndKill(Path db, String mode, String marker) throws Exception {
    Path stderr = tmp.resolve("child-stderr.txt");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                RocksDbCrashChild.class.getName(),
                db.toString(),
                mode)
            .redirectError(stderr.toFile())
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      // A guard against a hung child, not a timing assertion.
      String line = CompletableFuture.supplyAsync(() -> readLine(out)).get(2, TimeUnit.MINUTES);
      assertThat(line)
          .as("child output; its stderr: %s", Files.readString(stderr))
          .isEqualTo(marker);
      assertThat(child.isAlive()).isTrue();
    } finally {
      child.destroyForcibly();
      child.waitFor();
    }
    assertThat(child.exitValue()).as("child ended by SIGKILL").isEqualTo(KILLED_BY_SIGKILL);
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
