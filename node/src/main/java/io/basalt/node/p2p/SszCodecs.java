package io.basalt.node.p2p;

import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.datastructures.operations.AttesterSlashing;
import io.basalt.beacon.datastructures.operations.ProposerSlashing;
import io.basalt.beacon.datastructures.operations.SignedAggregateAndProof;
import io.basalt.beacon.datastructures.operations.SignedVoluntaryExit;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.common.ssz.ListSchema;
import io.basalt.common.ssz.SszSchema;
import io.basalt.common.ssz.SszTypes;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.types.Attestation;
import io.basalt.shard.datastructures.ShardSchemas;
import io.basalt.shard.datastructures.SignedShardBlock;
import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * SSZ encoding and decoding of every message the chain protocols carry, for one config. Decoding
 * never leaks a runtime exception of the SSZ layer or of a record's constructor: any failure is a
 * {@link MalformedMessageException} naming the type. Immutable and thread-safe.
 */
public final class SszCodecs {

  private final BeaconSchemas beacon;
  private final ShardSchemas shard;

  /**
   * The most transactions in one {@code shard_tx_<i>} message. A node gathers the transactions it
   * admits into such batches ({@link TransactionBatcher}), so that many share one message.
   */
  public static final int MAX_GOSSIP_TRANSACTIONS = 256;

  private final ListSchema<Bytes> transactions =
      SszTypes.list(SszTypes.byteList(ShardSchemas.MAX_TX_SIZE), MAX_GOSSIP_TRANSACTIONS);

  public SszCodecs(BeaconSchemas beacon, ShardSchemas shard) {
    this.beacon = Objects.requireNonNull(beacon, "beacon");
    this.shard = Objects.requireNonNull(shard, "shard");
  }

  public SpecConfig config() {
    return beacon.config();
  }

  public Bytes encodeBeaconBlock(SignedBeaconBlock block) {
    return beacon.signedBeaconBlock().serialize(block);
  }

  public SignedBeaconBlock decodeBeaconBlock(Bytes bytes) {
    return decode(beacon.signedBeaconBlock(), bytes, "SignedBeaconBlock");
  }

  /** {@code hash_tree_root(block.message)}: the root peers ask for and checkpoints name. */
  public Bytes32 beaconBlockRoot(SignedBeaconBlock block) {
    return beacon.beaconBlock().hashTreeRoot(block.message());
  }

  public Bytes encodeAggregateAndProof(SignedAggregateAndProof aggregate) {
    return beacon.signedAggregateAndProof().serialize(aggregate);
  }

  public SignedAggregateAndProof decodeAggregateAndProof(Bytes bytes) {
    return decode(beacon.signedAggregateAndProof(), bytes, "SignedAggregateAndProof");
  }

  public Bytes encodeAttestation(Attestation attestation) {
    return beacon.attestations().attestation().serialize(attestation);
  }

  public Attestation decodeAttestation(Bytes bytes) {
    return decode(beacon.attestations().attestation(), bytes, "Attestation");
  }

  public Bytes encodeShardBlock(SignedShardBlock block) {
    return shard.signedBlock().serialize(block);
  }

  public SignedShardBlock decodeShardBlock(Bytes bytes) {
    return decode(shard.signedBlock(), bytes, "SignedShardBlock");
  }

  /**
   * Raw EIP-2718 transactions as {@code List[ByteList[MAX_TX_SIZE], MAX_GOSSIP_TRANSACTIONS]}.
   *
   * @throws IllegalArgumentException if there are none or more than {@link
   *     #MAX_GOSSIP_TRANSACTIONS}
   */
  public Bytes encodeShardTransactions(List<Bytes> rawTransactions) {
    if (rawTransactions.isEmpty() || rawTransactions.size() > MAX_GOSSIP_TRANSACTIONS) {
      throw new IllegalArgumentException(
          "1 to " + MAX_GOSSIP_TRANSACTIONS + " transactions, got " + rawTransactions.size());
    }
    return transactions.serialize(rawTransactions);
  }

  /** The transactions of a {@code shard_tx_<i>} message: at least one, none of them empty. */
  public List<Bytes> decodeShardTransactions(Bytes bytes) {
    List<Bytes> raw = decode(transactions, bytes, "ShardTransactions");
    if (raw.isEmpty()) {
      throw new MalformedMessageException("no shard transaction");
    }
    for (int i = 0; i < raw.size(); i++) {
      if (raw.get(i).isEmpty()) {
        throw new MalformedMessageException("shard transaction " + i + " is empty");
      }
    }
    return raw;
  }

  public Bytes encodeVoluntaryExit(SignedVoluntaryExit exit) {
    return SignedVoluntaryExit.SSZ.serialize(exit);
  }

  public SignedVoluntaryExit decodeVoluntaryExit(Bytes bytes) {
    return decode(SignedVoluntaryExit.SSZ, bytes, "SignedVoluntaryExit");
  }

  public Bytes encodeProposerSlashing(ProposerSlashing slashing) {
    return ProposerSlashing.SSZ.serialize(slashing);
  }

  public ProposerSlashing decodeProposerSlashing(Bytes bytes) {
    return decode(ProposerSlashing.SSZ, bytes, "ProposerSlashing");
  }

  public Bytes encodeAttesterSlashing(AttesterSlashing slashing) {
    return beacon.attesterSlashing().serialize(slashing);
  }

  public AttesterSlashing decodeAttesterSlashing(Bytes bytes) {
    return decode(beacon.attesterSlashing(), bytes, "AttesterSlashing");
  }

  public Bytes encodeStatus(StatusMessage status) {
    return status.encode();
  }

  public StatusMessage decodeStatus(Bytes bytes) {
    return decode(StatusMessage.SSZ, bytes, "Status");
  }

  static <T> T decode(SszSchema<T> schema, Bytes bytes, String type) {
    try {
      return schema.deserialize(bytes);
    } catch (RuntimeException e) {
      // SszDecodingException, and the constructors' IllegalArgumentExceptions (e.g. a shard id
      // past int): both mean the peer sent something that is not a valid message.
      throw new MalformedMessageException("not a valid " + type + ": " + e.getMessage(), e);
    }
  }
}
