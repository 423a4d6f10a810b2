package io.basalt.node.rpc.beacon;

import io.basalt.beacon.state.BeaconState;
import io.basalt.node.rpc.ParamType;
import java.util.OptionalInt;
import org.apache.tuweni.bytes.Bytes48;

/** A validator named by registry index (decimal) or by its 0x BLS public key (48 bytes). */
public sealed interface ValidatorId {

  record Index(long index) implements ValidatorId {}

  record Pubkey(Bytes48 pubkey) implements ValidatorId {}

  ParamType<ValidatorId> PARAM =
      node -> {
        if (node.isTextual() && node.textValue().startsWith("0x")) {
          return new Pubkey(Bytes48.wrap(BeaconParams.fixedHex(node, 48, "public key")));
        }
        return new Index(BeaconParams.UINT64.parse(node).bits());
      };

  /** The registry index of this validator in {@code state}, if it is there. */
  default OptionalInt resolve(BeaconState state) {
    long size = state.validators().size();
    return switch (this) {
      case Index i ->
          i.index() >= 0 && i.index() < size
              ? OptionalInt.of((int) i.index())
              : OptionalInt.empty();
      case Pubkey p -> {
        for (int k = 0; k < size; k++) {
          if (state.validators().get(k).pubkey().equals(p.pubkey())) {
            yield OptionalInt.of(k);
          }
        }
        yield OptionalInt.empty();
      }
    };
  }
}
