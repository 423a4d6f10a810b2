package io.basalt.shard.store;

import io.basalt.common.types.ShardId;
import io.basalt.storage.codec.CodecException;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Where a transaction was included: its shard, the block's root and its index in the block's
 * transactions (also the index of its receipt). Stored in {@code TRANSACTION_LOCATIONS} as 40
 * bytes: 4-byte big-endian shard, the root, 4-byte big-endian index.
 */
public record TransactionLocation(ShardId shard, Bytes32 blockRoot, int index) {

  private static final int LENGTH = Integer.BYTES + Bytes32.SIZE + Integer.BYTES;

  public TransactionLocation {
    Objects.requireNonNull(shard, "shard");
    Objects.requireNonNull(blockRoot, "blockRoot");
    if (index < 0) {
      throw new IllegalArgumentException("Transaction index must not be negative: " + index);
    }
  }

  public Bytes encode() {
    return Bytes.wrap(
        ByteBuffer.allocate(LENGTH)
            .putInt(shard.id())
            .put(blockRoot.toArrayUnsafe())
            .putInt(index)
            .array());
  }

  /**
   * @throws CodecException if {@code bytes} is not a stored location
   */
  public static TransactionLocation decode(Bytes bytes) {
    if (bytes.size() != LENGTH) {
      throw new CodecException(
          "A transaction location has " + LENGTH + " bytes; stored value has " + bytes.size());
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes.toArray());
    int shard = buffer.getInt();
    byte[] root = new byte[Bytes32.SIZE];
    buffer.get(root);
    int index = buffer.getInt();
    if (shard < 0 || index < 0) {
      throw new CodecException("Stored transaction location has a negative shard or index");
    }
    return new TransactionLocation(ShardId.of(shard), Bytes32.wrap(root), index);
  }
}
