package io.basalt.execution.trie;

import io.basalt.storage.memory.InMemoryKvStore;
import io.basalt.storage.schema.BasaltSchema;
import java.nio.charset.StandardCharsets;
import org.apache.tuweni.bytes.Bytes;

/** Small helpers shared by the trie tests. */
public final class TrieTestSupport {

  private TrieTestSupport() {}

  /** A node store over a fresh in-memory key-value store. */
  public static KvNodeStore memoryNodeStore() {
    return new KvNodeStore(InMemoryKvStore.create(BasaltSchema.SCHEMA));
  }

  /**
   * A 0x-prefixed string as hex bytes, anything else as its ASCII bytes (as the test vectors do).
   */
  public static Bytes bytesOf(String text) {
    return text.startsWith("0x")
        ? Bytes.fromHexString(text)
        : Bytes.wrap(text.getBytes(StandardCharsets.US_ASCII));
  }
}
