package io.basalt.node.validator.slashing;

import static io.basalt.node.validator.slashing.SlashingProtectionSchema.LOW_WATERMARKS;
import static io.basalt.node.validator.slashing.SlashingProtectionSchema.SHARD_LOW_WATERMARKS;
import static io.basalt.node.validator.slashing.SlashingProtectionSchema.SIGNED_ATTESTATIONS;
import static io.basalt.node.validator.slashing.SlashingProtectionSchema.SIGNED_BLOCKS;
import static io.basalt.node.validator.slashing.SlashingProtectionSchema.SIGNED_SHARD_BLOCKS;

import io.basalt.common.types.ShardId;
import io.basalt.common.types.UInt64;
import io.basalt.storage.KvStoreReader;
import io.basalt.storage.KvStoreTransaction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.tuweni.bytes.Bytes48;

/**
 * Imports an EIP-3076 interchange file (minimal or complete) into a {@link KvSlashingProtection},
 * conservatively: it never removes or lowers anything. Every record is added; a record that
 * conflicts with one already held (same slot or target, other root or source) keeps an unknown
 * root, so neither message can be signed again. Each validator's low watermarks rise to the highest
 * block slot, source epoch and target epoch in the file, as EIP-3076 recommends, so after an import
 * into an empty database nothing at or below what the file shows can be signed except an identical
 * re-sign of a listed message. Keys the client does not hold are imported like any other. The whole
 * file is checked first and then written in one transaction.
 */
public final class InterchangeImporter {

  private final KvSlashingProtection protection;

  public InterchangeImporter(KvSlashingProtection protection) {
    this.protection = protection;
  }

  /**
   * Imports {@code interchange}.
   *
   * @throws InterchangeException if the format version is not 5, the file is for another chain or
   *     an attestation has its source after its target; nothing is written then
   */
  public ImportSummary importInterchange(Interchange interchange) {
    InterchangeMetadata metadata = interchange.metadata();
    if (metadata.interchangeFormatVersion() != Interchange.FORMAT_VERSION) {
      throw new InterchangeException(
          "Interchange format version "
              + metadata.interchangeFormatVersion()
              + " is not supported: this build reads version "
              + Interchange.FORMAT_VERSION);
    }
    if (!metadata.genesisValidatorsRoot().equals(protection.genesisValidatorsRoot())) {
      throw new InterchangeException(
          "The interchange file is for the chain with genesis validators root "
              + metadata.genesisValidatorsRoot().toHexString()
              + ", but this database protects the chain with genesis validators root "
              + protection.genesisValidatorsRoot().toHexString());
    }
    Map<Bytes48, Merged> merged = new LinkedHashMap<>();
    int blocks = 0;
    int attestations = 0;
    int shardBlocks = 0;
    for (int i = 0; i < interchange.data().size(); i++) {
      InterchangeData data = interchange.data().get(i);
      Merged validator = merged.computeIfAbsent(data.pubkey(), k -> new Merged());
      for (InterchangeBlock block : data.signedBlocks()) {
        validator.blocks.merge(
            block.slot(), new SignedRoot(block.signingRoot()), SignedRoot::mergedWith);
      }
      for (int j = 0; j < data.signedAttestations().size(); j++) {
        InterchangeAttestation attestation = data.signedAttestations().get(j);
        if (attestation.sourceEpoch().isGreaterThan(attestation.targetEpoch())) {
          throw new InterchangeException(
              "Invalid interchange file at data["
                  + i
                  + "].signed_attestations["
                  + j
                  + "]: source epoch "
                  + attestation.sourceEpoch()
                  + " is after target epoch "
                  + attestation.targetEpoch());
        }
        validator.attestations.merge(
            attestation.targetEpoch(),
            new SignedAttestationRecord(
                attestation.sourceEpoch(), new SignedRoot(attestation.signingRoot())),
            InterchangeImporter::merge);
      }
      for (InterchangeShardBlock block : data.signedShardBlocks()) {
        validator
            .shardBlocks
            .computeIfAbsent(block.shard(), s -> new TreeMap<>())
            .merge(block.slot(), new SignedRoot(block.signingRoot()), SignedRoot::mergedWith);
      }
      blocks += data.signedBlocks().size();
      attestations += data.signedAttestations().size();
      shardBlocks += data.signedShardBlocks().size();
    }
    protection.update(
        (reader, tx) -> merged.forEach((pubkey, records) -> write(reader, tx, pubkey, records)));
    return new ImportSummary(merged.size(), blocks, attestations, shardBlocks);
  }

  private static void write(
      KvStoreReader reader, KvStoreTransaction tx, Bytes48 pubkey, Merged records) {
    records.blocks.forEach(
        (slot, root) -> {
          ValidatorNumberKey key = new ValidatorNumberKey(pubkey, slot);
          tx.put(
              SIGNED_BLOCKS,
              key,
              reader.get(SIGNED_BLOCKS, key).map(root::mergedWith).orElse(root));
        });
    records.attestations.forEach(
        (target, attestation) -> {
          ValidatorNumberKey key = new ValidatorNumberKey(pubkey, target);
          SignedAttestationRecord held = reader.get(SIGNED_ATTESTATIONS, key).orElse(null);
          tx.put(SIGNED_ATTESTATIONS, key, held == null ? attestation : merge(held, attestation));
        });
    records.shardBlocks.forEach(
        (shard, slots) -> {
          slots.forEach(
              (slot, root) -> {
                ValidatorShardSlotKey key = new ValidatorShardSlotKey(pubkey, shard, slot);
                tx.put(
                    SIGNED_SHARD_BLOCKS,
                    key,
                    reader.get(SIGNED_SHARD_BLOCKS, key).map(root::mergedWith).orElse(root));
              });
          ValidatorShardKey watermarkKey = new ValidatorShardKey(pubkey, shard);
          tx.put(
              SHARD_LOW_WATERMARKS,
              watermarkKey,
              LowWatermarks.max(
                      reader.get(SHARD_LOW_WATERMARKS, watermarkKey), Optional.of(slots.lastKey()))
                  .orElseThrow());
        });
    LowWatermarks fromFile = records.watermarks();
    if (!fromFile.equals(LowWatermarks.NONE)) {
      tx.put(
          LOW_WATERMARKS,
          pubkey,
          reader.get(LOW_WATERMARKS, pubkey).orElse(LowWatermarks.NONE).raisedTo(fromFile));
    }
  }

  /**
   * Two records for one target: the first source is kept, and the root only when both agree on
   * source and root (otherwise it is a double vote already, and neither may be signed again).
   */
  private static SignedAttestationRecord merge(
      SignedAttestationRecord held, SignedAttestationRecord other) {
    SignedRoot root =
        held.source().equals(other.source())
            ? held.root().mergedWith(other.root())
            : SignedRoot.UNKNOWN;
    return new SignedAttestationRecord(held.source(), root);
  }

  /** One validator's records in the file, merged by slot or target. */
  private static final class Merged {
    final TreeMap<UInt64, SignedRoot> blocks = new TreeMap<>();
    final TreeMap<UInt64, SignedAttestationRecord> attestations = new TreeMap<>();
    final Map<ShardId, TreeMap<UInt64, SignedRoot>> shardBlocks = new TreeMap<>();

    LowWatermarks watermarks() {
      return new LowWatermarks(
          blocks.isEmpty() ? Optional.empty() : Optional.of(blocks.lastKey()),
          attestations.values().stream()
              .map(SignedAttestationRecord::source)
              .max(UInt64::compareTo),
          attestations.isEmpty() ? Optional.empty() : Optional.of(attestations.lastKey()));
    }
  }
}
