package io.basalt.node.rpc.beacon;

import io.basalt.common.ssz.Bits;
import io.basalt.common.types.Address;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.types.Bytes4;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;

/**
 * Beacon containers as the beacon API writes them: field names in snake_case, every unsigned
 * integer (slots, epochs, gwei, indices, shard numbers, uint256 values) as a decimal string, roots
 * and byte strings as 0x hex, bitlists in their SSZ encoding (with the length bit) as 0x hex.
 * Records are written field by field in declaration order.
 */
public final class BeaconJson {

  /** Each record class's components, read once (reflection per call would dominate big lists). */
  private static final ClassValue<RecordComponent[]> COMPONENTS =
      new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
          RecordComponent[] components = type.getRecordComponents();
          for (RecordComponent component : components) {
            component.getAccessor().setAccessible(true);
          }
          return components;
        }
      };

  private BeaconJson() {}

  /** The JSON value (map, list, string, boolean or null) of {@code value}. */
  public static Object of(Object value) {
    return switch (value) {
      case null -> null;
      case Slot slot -> decimal(slot.value());
      case Epoch epoch -> decimal(epoch.value());
      case Gwei gwei -> decimal(gwei.value());
      case ValidatorIndex index -> decimal(index.value());
      case UInt64 number -> decimal(number);
      case ShardId shard -> Integer.toString(shard.id());
      case BigInteger number -> number.toString();
      case Integer number -> number.toString();
      case Long number -> number.toString();
      case Boolean bool -> bool;
      case Bytes bytes -> bytes.toHexString();
      case Bytes4 bytes -> bytes.bytes().toHexString();
      case Address address -> address.bytes().toHexString();
      case Bits bits -> bitlist(bits);
      case List<?> list -> list(list);
      case Enum<?> constant -> constant.name().toLowerCase(Locale.ROOT);
      case Record record -> record(record);
      default -> value.toString();
    };
  }

  public static String decimal(UInt64 value) {
    return Long.toUnsignedString(value.bits());
  }

  /** {@code activationEligibilityEpoch} → {@code activation_eligibility_epoch}. */
  static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  private static List<Object> list(List<?> values) {
    List<Object> out = new ArrayList<>(values.size());
    for (Object value : values) {
      out.add(of(value));
    }
    return out;
  }

  private static Map<String, Object> record(Record record) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (RecordComponent component : COMPONENTS.get(record.getClass())) {
      try {
        out.put(snake(component.getName()), of(component.getAccessor().invoke(record)));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException(
            "Cannot read " + record.getClass().getSimpleName() + "." + component.getName(), e);
      }
    }
    return out;
  }

  /** SSZ bitlist: the bits, then a 1 bit marking the length, little-endian within bytes. */
  private static String bitlist(Bits bits) {
    int size = bits.size();
    byte[] out = new byte[size / 8 + 1];
    byte[] packed = bits.packed();
    System.arraycopy(packed, 0, out, 0, Math.min(packed.length, out.length));
    out[size / 8] |= (byte) (1 << (size % 8));
    return Bytes.wrap(out).toHexString();
  }
}
