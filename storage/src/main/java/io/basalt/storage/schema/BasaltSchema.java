package io.basalt.storage.schema;

import static io.basalt.storage.codec.Codecs.BYTES;
import static io.basalt.storage.codec.Codecs.BYTES32;
import static io.basalt.storage.codec.Codecs.UINT64;

import io.basalt.common.types.UInt64;
import io.basalt.storage.Column;
import io.basalt.storage.Schema;
import io.basalt.storage.Variable;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Every column and variable of a Basalt node's database, in one place.
 *
 * <p>Rules: an id is never reused, even after its column is retired (leave a comment naming the
 * retired id); changing what a column stores means a new column or a new {@link #VERSION}. Values
 * are raw {@link Bytes} (SSZ or RLP encodings) until the chain types exist; switching a value to a
 * typed codec with the same encoding needs no version change. Slots are big-endian so that
 * iteration follows the chain.
 */
public final class BasaltSchema {

  /** Version of this layout, recorded in every database. */
  public static final long VERSION = 1;

  // Beacon chain: hot (unfinalized) data by root, finalized data by slot.
  public static final Column<Bytes32, Bytes> HOT_BEACON_BLOCKS_BY_ROOT =
      Column.of(1, "HOT_BEACON_BLOCKS_BY_ROOT", BYTES32, BYTES);
  public static final Column<Bytes32, Bytes> HOT_BEACON_STATES_BY_ROOT =
      Column.of(2, "HOT_BEACON_STATES_BY_ROOT", BYTES32, BYTES);
  public static final Column<UInt64, Bytes32> FINALIZED_BEACON_ROOTS_BY_SLOT =
      Column.of(3, "FINALIZED_BEACON_ROOTS_BY_SLOT", UINT64, BYTES32);
  public static final Column<Bytes32, Bytes> FINALIZED_BEACON_BLOCKS_BY_ROOT =
      Column.of(4, "FINALIZED_BEACON_BLOCKS_BY_ROOT", BYTES32, BYTES);
  public static final Column<UInt64, Bytes> FINALIZED_BEACON_STATES_BY_SLOT =
      Column.of(5, "FINALIZED_BEACON_STATES_BY_SLOT", UINT64, BYTES);

  // Shard chains: blocks keyed by shard first, so one shard's entries are contiguous.
  public static final Column<ShardRootKey, Bytes> SHARD_BLOCKS_BY_ROOT =
      Column.of(6, "SHARD_BLOCKS_BY_ROOT", ShardRootKey.CODEC, BYTES);
  public static final Column<ShardSlotKey, Bytes32> FINALIZED_SHARD_ROOTS_BY_SLOT =
      Column.of(7, "FINALIZED_SHARD_ROOTS_BY_SLOT", ShardSlotKey.CODEC, BYTES32);

  // Execution: trie nodes by hash, transaction hash -> (shard, block, index), receipts by block.
  public static final Column<Bytes32, Bytes> TRIE_NODES =
      Column.of(8, "TRIE_NODES", BYTES32, BYTES);
  public static final Column<Bytes32, Bytes> TRANSACTION_LOCATIONS =
      Column.of(9, "TRANSACTION_LOCATIONS", BYTES32, BYTES);
  public static final Column<Bytes32, Bytes> RECEIPTS_BY_BLOCK_ROOT =
      Column.of(10, "RECEIPTS_BY_BLOCK_ROOT", BYTES32, BYTES);

  // Node: known peers, and the validator client's slashing-protection records by pubkey.
  public static final Column<Bytes, Bytes> PEER_STORE = Column.of(11, "PEER_STORE", BYTES, BYTES);
  public static final Column<Bytes, Bytes> SLASHING_PROTECTION =
      Column.of(12, "SLASHING_PROTECTION", BYTES, BYTES);

  // Shard chains, continued: the state after each kept block (SSZ), and per shard (key: the shard
  // number) the root of the latest finalized shard block.
  public static final Column<ShardRootKey, Bytes> SHARD_STATES_BY_ROOT =
      Column.of(13, "SHARD_STATES_BY_ROOT", ShardRootKey.CODEC, BYTES);
  public static final Column<UInt64, Bytes32> FINALIZED_SHARD_ROOT_BY_SHARD =
      Column.of(14, "FINALIZED_SHARD_ROOT_BY_SHARD", UINT64, BYTES32);
  // The state after an unfinalized shard block as a difference from its parent's (SSZ): the
  // parent root, and the state with only the outbox receipts this block added.
  public static final Column<ShardRootKey, Bytes> SHARD_STATE_DELTAS_BY_ROOT =
      Column.of(15, "SHARD_STATE_DELTAS_BY_ROOT", ShardRootKey.CODEC, BYTES);
  // The senders of a kept shard block's transactions, 20 bytes each in transaction order, so that
  // serving an old block does not recover every signature again.
  public static final Column<Bytes32, Bytes> SENDERS_BY_BLOCK_ROOT =
      Column.of(16, "SENDERS_BY_BLOCK_ROOT", BYTES32, BYTES);

  // Variables. Id 0 is the schema version, reserved by the storage layer.
  public static final Variable<UInt64> SCHEMA_VERSION = Schema.SCHEMA_VERSION;
  public static final Variable<UInt64> GENESIS_TIME = Variable.of(1, "GENESIS_TIME", UINT64);
  public static final Variable<Bytes32> HEAD_ROOT = Variable.of(2, "HEAD_ROOT", BYTES32);
  public static final Variable<Bytes> JUSTIFIED_CHECKPOINT =
      Variable.of(3, "JUSTIFIED_CHECKPOINT", BYTES);
  public static final Variable<Bytes> FINALIZED_CHECKPOINT =
      Variable.of(4, "FINALIZED_CHECKPOINT", BYTES);

  /** The schema to open stores with. */
  public static final Schema SCHEMA =
      Schema.of(
          VERSION,
          List.of(
              HOT_BEACON_BLOCKS_BY_ROOT,
              HOT_BEACON_STATES_BY_ROOT,
              FINALIZED_BEACON_ROOTS_BY_SLOT,
              FINALIZED_BEACON_BLOCKS_BY_ROOT,
              FINALIZED_BEACON_STATES_BY_SLOT,
              SHARD_BLOCKS_BY_ROOT,
              FINALIZED_SHARD_ROOTS_BY_SLOT,
              TRIE_NODES,
              TRANSACTION_LOCATIONS,
              RECEIPTS_BY_BLOCK_ROOT,
              PEER_STORE,
              SLASHING_PROTECTION,
              SHARD_STATES_BY_ROOT,
              FINALIZED_SHARD_ROOT_BY_SHARD,
              SHARD_STATE_DELTAS_BY_ROOT,
              SENDERS_BY_BLOCK_ROOT),
          List.of(
              SCHEMA_VERSION, GENESIS_TIME, HEAD_ROOT, JUSTIFIED_CHECKPOINT, FINALIZED_CHECKPOINT));

  private BasaltSchema() {}
}
