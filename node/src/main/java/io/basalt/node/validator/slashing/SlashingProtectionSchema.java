package io.basalt.node.validator.slashing;

import io.basalt.common.types.UInt64;
import io.basalt.storage.Column;
import io.basalt.storage.Schema;
import io.basalt.storage.Variable;
import io.basalt.storage.codec.Codec;
import io.basalt.storage.codec.CodecException;
import io.basalt.storage.codec.Codecs;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.bytes.Bytes48;

/**
 * Layout of the slashing-protection database, which is the validator client's own store, apart from
 * the chain database. Ids are stable and never reused (see {@code docs/storage.md}); a retired id
 * stays reserved in a comment here.
 */
public final class SlashingProtectionSchema {

  /** Raise only together with a migration. */
  public static final long VERSION = 1;

  /** A validator's 48-byte compressed public key, stored as is. */
  static final Codec<Bytes48> BYTES48 =
      new Codec<>() {
        @Override
        public byte[] encode(Bytes48 value) {
          return value.toArray();
        }

        @Override
        public Bytes48 decode(byte[] bytes) {
          if (bytes.length != Bytes48.SIZE) {
            throw new CodecException(
                "A public key is 48 bytes but the stored key has " + bytes.length);
          }
          return Bytes48.wrap(bytes.clone());
        }
      };

  /** (validator, slot) → signing root of the beacon block it signed at that slot. */
  static final Column<ValidatorNumberKey, SignedRoot> SIGNED_BLOCKS =
      Column.of(1, "SIGNED_BLOCKS", ValidatorNumberKey.CODEC, SignedRoot.CODEC);

  /** (validator, target epoch) → source epoch and signing root of the attestation it signed. */
  static final Column<ValidatorNumberKey, SignedAttestationRecord> SIGNED_ATTESTATIONS =
      Column.of(2, "SIGNED_ATTESTATIONS", ValidatorNumberKey.CODEC, SignedAttestationRecord.CODEC);

  /** (validator, shard, slot) → signing root of the shard block it signed. */
  static final Column<ValidatorShardSlotKey, SignedRoot> SIGNED_SHARD_BLOCKS =
      Column.of(3, "SIGNED_SHARD_BLOCKS", ValidatorShardSlotKey.CODEC, SignedRoot.CODEC);

  /** validator → low watermarks for beacon blocks and attestations, set by imports. */
  static final Column<Bytes48, LowWatermarks> LOW_WATERMARKS =
      Column.of(4, "LOW_WATERMARKS", BYTES48, LowWatermarks.CODEC);

  /** (validator, shard) → low watermark slot for that shard's blocks, set by imports. */
  static final Column<ValidatorShardKey, UInt64> SHARD_LOW_WATERMARKS =
      Column.of(5, "SHARD_LOW_WATERMARKS", ValidatorShardKey.CODEC, Codecs.UINT64);

  /** The chain this database protects; written once, when the database is created. */
  static final Variable<Bytes32> GENESIS_VALIDATORS_ROOT =
      Variable.of(1, "GENESIS_VALIDATORS_ROOT", Codecs.BYTES32);

  public static final Schema SCHEMA =
      Schema.of(
          VERSION,
          List.of(
              SIGNED_BLOCKS,
              SIGNED_ATTESTATIONS,
              SIGNED_SHARD_BLOCKS,
              LOW_WATERMARKS,
              SHARD_LOW_WATERMARKS),
          List.of(GENESIS_VALIDATORS_ROOT));

  private SlashingProtectionSchema() {}
}
