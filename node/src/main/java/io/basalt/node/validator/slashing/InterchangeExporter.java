package io.basalt.node.validator.slashing;

import static io.basalt.node.validator.slashing.SlashingProtectionSchema.SIGNED_ATTESTATIONS;
import static io.basalt.node.validator.slashing.SlashingProtectionSchema.SIGNED_BLOCKS;
import static io.basalt.node.validator.slashing.SlashingProtectionSchema.SIGNED_SHARD_BLOCKS;

import io.basalt.storage.ColumnEntry;
import io.basalt.storage.KvStoreSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes48;

/**
 * Exports a {@link KvSlashingProtection} as an EIP-3076 interchange in the complete format: every
 * record of every validator, ordered by public key and then by slot or epoch. Reads one snapshot,
 * so checks may go on meanwhile and the file is consistent as of the moment it started.
 */
public final class InterchangeExporter {

  private final KvSlashingProtection protection;

  public InterchangeExporter(KvSlashingProtection protection) {
    this.protection = protection;
  }

  public Interchange export() {
    Map<String, Records> byValidator = new TreeMap<>();
    Function<Bytes48, Records> recordsOf =
        pubkey -> byValidator.computeIfAbsent(pubkey.toHexString(), h -> new Records(pubkey));
    try (KvStoreSnapshot snapshot = protection.store().snapshot()) {
      try (Stream<ColumnEntry<ValidatorNumberKey, SignedRoot>> blocks =
          snapshot.stream(SIGNED_BLOCKS)) {
        blocks.forEach(
            e ->
                recordsOf
                    .apply(e.key().validator())
                    .blocks
                    .add(new InterchangeBlock(e.key().number(), e.value().root())));
      }
      try (Stream<ColumnEntry<ValidatorNumberKey, SignedAttestationRecord>> attestations =
          snapshot.stream(SIGNED_ATTESTATIONS)) {
        attestations.forEach(
            e ->
                recordsOf
                    .apply(e.key().validator())
                    .attestations
                    .add(
                        new InterchangeAttestation(
                            e.value().source(), e.key().number(), e.value().root().root())));
      }
      try (Stream<ColumnEntry<ValidatorShardSlotKey, SignedRoot>> shardBlocks =
          snapshot.stream(SIGNED_SHARD_BLOCKS)) {
        shardBlocks.forEach(
            e ->
                recordsOf
                    .apply(e.key().validator())
                    .shardBlocks
                    .add(
                        new InterchangeShardBlock(
                            e.key().shard(), e.key().slot(), e.value().root())));
      }
    }
    List<InterchangeData> data = new ArrayList<>();
    for (Records records : byValidator.values()) {
      data.add(
          new InterchangeData(
              records.pubkey, records.blocks, records.attestations, records.shardBlocks));
    }
    return new Interchange(
        new InterchangeMetadata(Interchange.FORMAT_VERSION, protection.genesisValidatorsRoot()),
        data);
  }

  private static final class Records {
    final Bytes48 pubkey;
    final List<InterchangeBlock> blocks = new ArrayList<>();
    final List<InterchangeAttestation> attestations = new ArrayList<>();
    final List<InterchangeShardBlock> shardBlocks = new ArrayList<>();

    Records(Bytes48 pubkey) {
      this.pubkey = pubkey;
    }
  }
}
