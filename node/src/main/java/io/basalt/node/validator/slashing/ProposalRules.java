package io.basalt.node.validator.slashing;

import io.basalt.common.types.UInt64;
import io.basalt.storage.Column;
import io.basalt.storage.KvStoreReader;
import java.util.Optional;
import java.util.function.Function;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The proposal rule (consensus-specs validator.md, EIP-3076), for beacon blocks and, per shard, for
 * shard blocks: a validator signs at most one block per slot and only at slots after every slot it
 * signed before and after its low watermark. Re-signing the identical message (same slot, same
 * known signing root) is allowed: it cannot be slashable.
 */
final class ProposalRules {

  private ProposalRules() {}

  /**
   * Why signing {@code root} at {@code slot} is refused, or empty when it is safe.
   *
   * @param what how the message is named in reasons, e.g. "block" or "shard 3 block"
   */
  static <K> Optional<String> check(
      KvStoreReader reader,
      Column<K, SignedRoot> column,
      Function<UInt64, K> keyAt,
      Optional<UInt64> lowWatermark,
      UInt64 slot,
      Bytes32 root,
      String what) {
    Optional<SignedRoot> sameSlot = reader.get(column, keyAt.apply(slot));
    if (sameSlot.isPresent()) {
      if (sameSlot.get().matches(root)) {
        return Optional.empty();
      }
      return Optional.of(
          what
              + " at slot "
              + slot
              + " conflicts with the one already signed at that slot "
              + describe(sameSlot.get()));
    }
    if (lowWatermark.isPresent() && slot.isLessThanOrEqualTo(lowWatermark.get())) {
      return Optional.of(
          what
              + " slot "
              + slot
              + " is at or below the low watermark slot "
              + lowWatermark.get()
              + " set by an interchange import");
    }
    return RecordRanges.firstAtOrAbove(reader, column, keyAt, slot, any -> true)
        .map(
            later ->
                what
                    + " slot "
                    + slot
                    + " is not after slot "
                    + numberOf(later.key())
                    + " already signed");
  }

  private static String describe(SignedRoot signed) {
    return signed
        .root()
        .map(r -> "(signing root " + r.toHexString() + ")")
        .orElse("(its signing root is unknown, so no block can be signed at that slot)");
  }

  private static Object numberOf(Object key) {
    return switch (key) {
      case ValidatorNumberKey k -> k.number();
      case ValidatorShardSlotKey k -> k.slot();
      default -> key;
    };
  }
}
