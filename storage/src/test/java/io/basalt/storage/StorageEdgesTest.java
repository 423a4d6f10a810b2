package io.basalt.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.storage.rocksdb.RocksDbConfig;
import io.basalt.storage.rocksdb.RocksDbKvStore;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** RocksDB stays an implementation detail of {@code io.basalt.storage.rocksdb}. */
class StorageEdgesTest {

  private static final Path MAIN = Path.of("src/main/java/io/basalt/storage");

  @Test
  void shouldImportRocksDbOnlyInTheRocksDbPackage() throws IOException {
    List<Path> offenders = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        boolean inRocksPackage = MAIN.relativize(file).startsWith("rocksdb");
        if (!inRocksPackage && Files.readString(file).contains("org.rocksdb")) {
          offenders.add(file);
        }
      }
    }
    assertThat(offenders).isEmpty();
    assertThat(Files.isDirectory(MAIN.resolve("rocksdb"))).isTrue();
  }

  @Test
  void shouldKeepRocksDbTypesOutOfThePublicApi() {
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : List.of(RocksDbKvStore.class, RocksDbConfig.class)) {
      for (Method m : type.getMethods()) {
        List<Type> types = new ArrayList<>(List.of(m.getGenericParameterTypes()));
        types.add(m.getGenericReturnType());
        types.stream()
            .filter(t -> t.getTypeName().contains("org.rocksdb"))
            .forEach(t -> leaks.add(m.toString()));
      }
      for (Constructor<?> c : type.getConstructors()) {
        for (Type t : c.getGenericParameterTypes()) {
          if (t.getTypeName().contains("org.rocksdb")) {
            leaks.add(c.toString());
          }
        }
      }
      assertThat(Modifier.isPublic(type.getModifiers())).isTrue();
    }
    assertThat(leaks).isEmpty();
  }
}
