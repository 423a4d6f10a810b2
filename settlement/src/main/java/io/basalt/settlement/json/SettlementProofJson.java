package io.basalt.settlement.json;

import static io.basalt.settlement.json.JsonFields.NODES;
import static io.basalt.settlement.json.JsonFields.array;
import static io.basalt.settlement.json.JsonFields.bitlist;
import static io.basalt.settlement.json.JsonFields.bool;
import static io.basalt.settlement.json.JsonFields.data;
import static io.basalt.settlement.json.JsonFields.dataArray;
import static io.basalt.settlement.json.JsonFields.dataList;
import static io.basalt.settlement.json.JsonFields.field;
import static io.basalt.settlement.json.JsonFields.hash;
import static io.basalt.settlement.json.JsonFields.hashList;
import static io.basalt.settlement.json.JsonFields.quantity;
import static io.basalt.settlement.json.JsonFields.smallInt;
import static io.basalt.settlement.json.JsonFields.typedUint64;
import static io.basalt.settlement.json.JsonFields.uint64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.basalt.beacon.datastructures.blocks.BeaconBlockHeader;
import io.basalt.beacon.datastructures.shard.Crosslink;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.types.AttestationData;
import io.basalt.consensus.types.Checkpoint;
import io.basalt.execution.settlement.BatchHeader;
import io.basalt.execution.settlement.BatchRecord;
import io.basalt.settlement.proof.AttestationEvidence;
import io.basalt.settlement.proof.CommitmentProof;
import io.basalt.settlement.proof.FinalityProof;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/**
 * The one JSON form of both settlement proofs, written by the node's {@code
 * settle_getCommitmentProof} / {@code settle_getFinalityProof} and read by clients. Quantities are
 * {@code 0x} hex, roots and proof nodes {@code 0x} data, as elsewhere in the JSON-RPC; the field
 * names are those of the records. Reading never throws anything but {@link ProofFormatException}.
 */
public final class SettlementProofJson {

  private SettlementProofJson() {}

  public static ObjectNode toJson(CommitmentProof p) {
    ObjectNode o = NODES.objectNode();
    o.put("shard", quantity(p.shard().id()));
    o.put("rollupId", quantity(p.rollupId()));
    o.put("batchIndex", quantity(p.batchIndex()));
    o.set("batch", batch(p.batch()));
    o.set("accountProof", dataArray(p.accountProof()));
    ArrayNode storage = o.putArray("storageProofs");
    p.storageProofs().forEach(proof -> storage.add(dataArray(proof)));
    o.set("shardHeader", ShardHeaderJson.toJson(p.shardHeader()));
    o.set("crosslink", crosslink(p.crosslink()));
    o.set("crosslinkBranch", dataArray(p.crosslinkBranch()));
    o.set("beaconHeader", beaconHeader(p.beaconHeader()));
    o.set("checkpoint", checkpoint(p.checkpoint()));
    return o;
  }

  public static CommitmentProof commitmentProof(JsonNode o) throws ProofFormatException {
    List<List<Bytes>> storage = new ArrayList<>();
    for (JsonNode proof : array(o, "storageProofs")) {
      storage.add(dataList(proof, "storageProofs[]"));
    }
    try {
      return new CommitmentProof(
          ShardId.of(smallInt(o, "shard")),
          uint64(o, "rollupId"),
          uint64(o, "batchIndex"),
          batch(field(o, "batch")),
          dataList(array(o, "accountProof"), "accountProof"),
          storage,
          ShardHeaderJson.fromJson(field(o, "shardHeader")),
          crosslink(field(o, "crosslink")),
          hashList(o, "crosslinkBranch"),
          beaconHeader(field(o, "beaconHeader")),
          checkpoint(field(o, "checkpoint")));
    } catch (IllegalArgumentException e) {
      throw new ProofFormatException("invalid commitment proof: " + e.getMessage(), e);
    }
  }

  public static ObjectNode toJson(FinalityProof p) {
    ObjectNode o = NODES.objectNode();
    o.set("checkpoint", checkpoint(p.checkpoint()));
    o.set("justifying", attestations(p.justifying()));
    o.set("intermediate", attestations(p.intermediate()));
    o.set("finalizing", attestations(p.finalizing()));
    return o;
  }

  public static FinalityProof finalityProof(JsonNode o) throws ProofFormatException {
    return new FinalityProof(
        checkpoint(field(o, "checkpoint")),
        attestations(o, "justifying"),
        attestations(o, "intermediate"),
        attestations(o, "finalizing"));
  }

  private static ObjectNode batch(BatchRecord b) {
    ObjectNode o = NODES.objectNode();
    BatchHeader h = b.header();
    o.put("batchHash", b.batchHash().toHexString());
    o.put("parentBatchHash", h.parentBatchHash().toHexString());
    o.put("l2StartBlock", quantity(h.l2StartBlock()));
    o.put("l2EndBlock", quantity(h.l2EndBlock()));
    o.put("stateRoot", h.stateRoot().toHexString());
    o.put("withdrawalsRoot", h.withdrawalsRoot().toHexString());
    o.put("dataHash", h.dataHash().toHexString());
    o.put("commitSlot", quantity(b.commitSlot().value().bits()));
    o.put("reverted", b.reverted());
    return o;
  }

  private static BatchRecord batch(JsonNode o) throws ProofFormatException {
    BatchHeader header =
        new BatchHeader(
            hash(o, "parentBatchHash"),
            uint64(o, "l2StartBlock"),
            uint64(o, "l2EndBlock"),
            hash(o, "stateRoot"),
            hash(o, "withdrawalsRoot"),
            hash(o, "dataHash"));
    return new BatchRecord(
        hash(o, "batchHash"), header, new Slot(typedUint64(o, "commitSlot")), bool(o, "reverted"));
  }

  static ObjectNode checkpoint(Checkpoint c) {
    ObjectNode o = NODES.objectNode();
    o.put("epoch", quantity(c.epoch().value().bits()));
    o.put("root", c.root().toHexString());
    return o;
  }

  static Checkpoint checkpoint(JsonNode o) throws ProofFormatException {
    return new Checkpoint(new Epoch(typedUint64(o, "epoch")), hash(o, "root"));
  }

  private static ObjectNode crosslink(Crosslink c) {
    ObjectNode o = NODES.objectNode();
    o.put("shard", quantity(c.shard().id()));
    o.put("slot", quantity(c.slot().value().bits()));
    o.put("shardBlockRoot", c.shardBlockRoot().toHexString());
    o.put("stateRoot", c.stateRoot().toHexString());
    o.put("receiptsRoot", c.receiptsRoot().toHexString());
    return o;
  }

  private static Crosslink crosslink(JsonNode o) throws ProofFormatException {
    return new Crosslink(
        ShardId.of(smallInt(o, "shard")),
        new Slot(typedUint64(o, "slot")),
        hash(o, "shardBlockRoot"),
        hash(o, "stateRoot"),
        hash(o, "receiptsRoot"));
  }

  private static ObjectNode beaconHeader(BeaconBlockHeader h) {
    ObjectNode o = NODES.objectNode();
    o.put("slot", quantity(h.slot().value().bits()));
    o.put("proposerIndex", quantity(h.proposerIndex().value().bits()));
    o.put("parentRoot", h.parentRoot().toHexString());
    o.put("stateRoot", h.stateRoot().toHexString());
    o.put("bodyRoot", h.bodyRoot().toHexString());
    return o;
  }

  private static BeaconBlockHeader beaconHeader(JsonNode o) throws ProofFormatException {
    return new BeaconBlockHeader(
        new Slot(typedUint64(o, "slot")),
        new ValidatorIndex(typedUint64(o, "proposerIndex")),
        hash(o, "parentRoot"),
        hash(o, "stateRoot"),
        hash(o, "bodyRoot"));
  }

  private static ArrayNode attestations(List<AttestationEvidence> list) {
    ArrayNode array = NODES.arrayNode();
    for (AttestationEvidence a : list) {
      ObjectNode o = array.addObject();
      o.set("data", attestationData(a.data()));
      o.put("aggregationBits", JsonFields.bitlist(a.aggregationBits()));
      o.put("signature", a.signature().toHexString());
      ArrayNode committee = o.putArray("committee");
      a.committee().forEach(v -> committee.add(quantity(v.value().bits())));
    }
    return array;
  }

  private static List<AttestationEvidence> attestations(JsonNode parent, String name)
      throws ProofFormatException {
    List<AttestationEvidence> out = new ArrayList<>();
    for (JsonNode o : array(parent, name)) {
      List<ValidatorIndex> committee = new ArrayList<>();
      for (JsonNode member : array(o, "committee")) {
        ObjectNode wrapper = NODES.objectNode().set("committee[]", member);
        committee.add(new ValidatorIndex(typedUint64(wrapper, "committee[]")));
      }
      out.add(
          new AttestationEvidence(
              attestationData(field(o, "data")),
              bitlist(o, "aggregationBits"),
              data(field(o, "signature"), "signature"),
              committee));
    }
    return out;
  }

  private static ObjectNode attestationData(AttestationData d) {
    ObjectNode o = NODES.objectNode();
    o.put("slot", quantity(d.slot().value().bits()));
    o.put("shard", quantity(d.shard().id()));
    o.put("beaconBlockRoot", d.beaconBlockRoot().toHexString());
    o.set("source", checkpoint(d.source()));
    o.set("target", checkpoint(d.target()));
    o.put("shardHeadRoot", d.shardHeadRoot().toHexString());
    return o;
  }

  private static AttestationData attestationData(JsonNode o) throws ProofFormatException {
    return new AttestationData(
        new Slot(typedUint64(o, "slot")),
        ShardId.of(smallInt(o, "shard")),
        hash(o, "beaconBlockRoot"),
        checkpoint(field(o, "source")),
        checkpoint(field(o, "target")),
        hash(o, "shardHeadRoot"));
  }
}
