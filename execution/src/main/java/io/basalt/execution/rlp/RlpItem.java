package io.basalt.execution.rlp;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/** A decoded RLP value: a byte string or a list of items. */
public sealed interface RlpItem {

  /** A byte string. */
  record RlpString(Bytes bytes) implements RlpItem {}

  /** A list of items, in order. */
  record RlpList(List<RlpItem> items) implements RlpItem {
    public RlpList {
      items = List.copyOf(items);
    }
  }

  static RlpItem string(Bytes bytes) {
    return new RlpString(bytes);
  }

  static RlpItem list(RlpItem... items) {
    return new RlpList(List.of(items));
  }
}
