package io.basalt.node.rpc.beacon;

import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.node.rpc.ParamType;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A beacon state or block as the beacon API names it: {@code head}, {@code finalized}, {@code
 * justified}, {@code genesis}, a decimal slot, or a 0x block root.
 */
public sealed interface StateId {

  StateId HEAD = new Named("head");
  StateId FINALIZED = new Named("finalized");
  StateId JUSTIFIED = new Named("justified");
  StateId GENESIS = new Named("genesis");

  /** One of the four names. */
  record Named(String name) implements StateId {}

  /** The canonical chain at {@code slot}. */
  record AtSlot(Slot slot) implements StateId {
    public AtSlot {
      Objects.requireNonNull(slot, "slot");
    }
  }

  /** The block {@code root} (canonical or not). */
  record AtRoot(Bytes32 root) implements StateId {
    public AtRoot {
      Objects.requireNonNull(root, "root");
    }
  }

  /** Parses a JSON string in the forms above (a JSON integer is taken as a slot too). */
  ParamType<StateId> PARAM =
      node -> {
        if (node.isIntegralNumber()) {
          return new AtSlot(new Slot(BeaconParams.UINT64.parse(node)));
        }
        if (!node.isTextual()) {
          throw new IllegalArgumentException(
              "want head, finalized, justified, genesis, a slot or a 0x block root");
        }
        String text = node.textValue();
        switch (text) {
          case "head":
            return HEAD;
          case "finalized":
            return FINALIZED;
          case "justified":
            return JUSTIFIED;
          case "genesis":
            return GENESIS;
          default:
            break;
        }
        if (text.startsWith("0x")) {
          if (text.length() != 66) {
            throw new IllegalArgumentException(
                "block root must be 32 bytes (0x and 64 hex digits)");
          }
          try {
            return new AtRoot(Bytes32.wrap(Bytes.fromHexString(text)));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid hex in block root");
          }
        }
        return new AtSlot(new Slot(BeaconParams.UINT64.parse(node)));
      };

  /** A state id for a decimal slot. */
  static StateId slot(long slot) {
    return new AtSlot(new Slot(UInt64.valueOf(slot)));
  }
}
