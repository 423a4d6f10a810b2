package io.basalt.settlement.json;

import static io.basalt.settlement.json.JsonFields.NODES;
import static io.basalt.settlement.json.JsonFields.bigQuantity;
import static io.basalt.settlement.json.JsonFields.data;
import static io.basalt.settlement.json.JsonFields.hash;
import static io.basalt.settlement.json.JsonFields.quantity;
import static io.basalt.settlement.json.JsonFields.smallInt;
import static io.basalt.settlement.json.JsonFields.typedUint64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.basalt.beacon.datastructures.shard.ShardBlockHeader;
import io.basalt.common.types.Address;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;

/** The JSON of a full {@link ShardBlockHeader}: every field, so a client can hash it. */
final class ShardHeaderJson {

  private ShardHeaderJson() {}

  static ObjectNode toJson(ShardBlockHeader h) {
    ObjectNode o = NODES.objectNode();
    o.put("shard", quantity(h.shard().id()));
    o.put("slot", quantity(h.slot().value().bits()));
    o.put("proposerIndex", quantity(h.proposerIndex().value().bits()));
    o.put("parentRoot", h.parentRoot().toHexString());
    o.put("beaconBlockRoot", h.beaconBlockRoot().toHexString());
    o.put("stateRoot", h.stateRoot().toHexString());
    o.put("transactionsRoot", h.transactionsRoot().toHexString());
    o.put("receiptsRoot", h.receiptsRoot().toHexString());
    o.put("incomingReceiptsRoot", h.incomingReceiptsRoot().toHexString());
    o.put("gasUsed", quantity(h.gasUsed().bits()));
    o.put("gasLimit", quantity(h.gasLimit().bits()));
    o.put("baseFee", quantity(h.baseFee()));
    o.put("feeRecipient", h.feeRecipient().bytes().toHexString());
    return o;
  }

  static ShardBlockHeader fromJson(JsonNode o) throws ProofFormatException {
    try {
      return new ShardBlockHeader(
          ShardId.of(smallInt(o, "shard")),
          new Slot(typedUint64(o, "slot")),
          new ValidatorIndex(typedUint64(o, "proposerIndex")),
          hash(o, "parentRoot"),
          hash(o, "beaconBlockRoot"),
          hash(o, "stateRoot"),
          hash(o, "transactionsRoot"),
          hash(o, "receiptsRoot"),
          hash(o, "incomingReceiptsRoot"),
          typedUint64(o, "gasUsed"),
          typedUint64(o, "gasLimit"),
          bigQuantity(o, "baseFee"),
          new Address(data(o, "feeRecipient", Address.SIZE)));
    } catch (IllegalArgumentException e) {
      throw new ProofFormatException("invalid shard header: " + e.getMessage(), e);
    }
  }
}
