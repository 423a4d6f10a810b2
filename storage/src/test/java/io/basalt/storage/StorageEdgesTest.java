package io.basalt.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.storage.rocksdb.RocksDbConfig;
import io.basalt.storage.rocksdb.RocksDbKvStore;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RocksDB types stay out of the storage API. (That only {@code io.basalt.storage.rocksdb} imports
 * them is checked with the other library edges in {@code ModuleDependencyRulesTest}.)
 */
class StorageEdgesTest {

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
