package io.basalt.storage.memory;

import io.basalt.storage.KvStore;
import io.basalt.storage.KvStoreContractTest;
import io.basalt.storage.TestSchema;

class InMemoryKvStoreTest extends KvStoreContractTest {

  @Override
  protected KvStore createStore() {
    return InMemoryKvStore.create(TestSchema.SCHEMA);
  }
}
