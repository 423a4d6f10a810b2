package io.basalt.node.validator.slashing;

import static io.basalt.node.validator.slashing.SlashingProtectionSchema.GENESIS_VALIDATORS_ROOT;
import static io.basalt.node.validator.slashing.SlashingProtectionSchema.LOW_WATERMARKS;
import static io.basalt.node.validator.slashing.SlashingProtectionSchema.SHARD_LOW_WATERMARKS;
import static io.basalt.node.validator.slashing.SlashingProtectionSchema.SIGNED_ATTESTATIONS;
import static io.basalt.node.validator.slashing.SlashingProtectionSchema.SIGNED_BLOCKS;
import static io.basalt.node.validator.slashing.SlashingProtectionSchema.SIGNED_SHARD_BLOCKS;

import io.basalt.common.crypto.bls.BlsPublicKey;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.storage.KvStore;
import io.basalt.storage.KvStoreReader;
import io.basalt.storage.KvStoreTransaction;
import io.basalt.storage.rocksdb.RocksDbConfig;
import io.basalt.storage.rocksdb.RocksDbKvStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.bytes.Bytes48;

/**
 * {@link SlashingProtection} over its own {@link KvStore} laid out by {@link
 * SlashingProtectionSchema}. Every check reads the validator's records, and when the message is
 * safe writes its record in one transaction whose commit returns before {@link
 * SigningDecision#safe} does. Checks, and imports, are serialized on this object, so two threads
 * can never both be told that conflicting messages are safe. One instance per database: RocksDB's
 * lock keeps other processes out.
 *
 * <p>Durability depends on the store: {@link #open} opens RocksDB with an fsync of the write-ahead
 * log on every commit, so a Safe decision survives a power cut, not only a crash. A store handed to
 * {@link #create} should be configured the same way (tests use the in-memory store).
 *
 * <p>A failure to read or write (closed store, I/O error, corrupt record) is not thrown: the check
 * returns {@link SigningDecision.Refused} naming the failure, since not signing is always safe.
 *
 * <p>The instance owns its store and closes it in {@link #close()}.
 */
public final class KvSlashingProtection implements SlashingProtection {

  private final KvStore store;
  private final Bytes32 genesisValidatorsRoot;

  private KvSlashingProtection(KvStore store, Bytes32 genesisValidatorsRoot) {
    this.store = store;
    this.genesisValidatorsRoot = genesisValidatorsRoot;
  }

  /** Where a node keeps this database under its {@code --data-dir}. */
  public static Path databaseDirectory(Path dataDir) {
    return dataDir.resolve("validator").resolve("slashing-protection");
  }

  /**
   * Opens (creating when absent) the RocksDB database in {@code directory} with synced writes, for
   * the chain with {@code genesisValidatorsRoot}.
   *
   * @throws SlashingProtectionException if the database was written for another chain
   */
  public static KvSlashingProtection open(Path directory, Bytes32 genesisValidatorsRoot) {
    KvStore store =
        RocksDbKvStore.open(
            directory,
            RocksDbConfig.defaults().withSyncWrites(true),
            SlashingProtectionSchema.SCHEMA);
    return closingOnFailure(store, () -> create(store, genesisValidatorsRoot));
  }

  /**
   * Opens the existing RocksDB database in {@code directory}, whatever chain it was written for.
   *
   * @throws SlashingProtectionException if there is no database there, or it has no chain yet
   */
  public static KvSlashingProtection openExisting(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new SlashingProtectionException(
          "There is no slashing protection database at " + directory);
    }
    KvStore store =
        RocksDbKvStore.open(
            directory,
            RocksDbConfig.defaults().withSyncWrites(true).withCreateIfMissing(false),
            SlashingProtectionSchema.SCHEMA);
    return closingOnFailure(store, () -> existing(store));
  }

  /**
   * Slashing protection over {@code store} for the chain with {@code genesisValidatorsRoot}: an
   * empty store records that root; a store that holds another one is refused.
   *
   * @throws SlashingProtectionException if {@code store} was written for another chain
   */
  public static KvSlashingProtection create(KvStore store, Bytes32 genesisValidatorsRoot) {
    requireSchema(store);
    if (genesisValidatorsRoot == null) {
      throw new IllegalArgumentException("genesisValidatorsRoot must not be null");
    }
    Optional<Bytes32> stored = store.get(GENESIS_VALIDATORS_ROOT);
    if (stored.isEmpty()) {
      try (KvStoreTransaction tx = store.startTransaction()) {
        tx.put(GENESIS_VALIDATORS_ROOT, genesisValidatorsRoot);
        tx.commit();
      }
    } else if (!stored.get().equals(genesisValidatorsRoot)) {
      throw new SlashingProtectionException(
          "The slashing protection database was written for the chain with genesis validators root "
              + stored.get().toHexString()
              + ", not "
              + genesisValidatorsRoot.toHexString());
    }
    return new KvSlashingProtection(store, genesisValidatorsRoot);
  }

  /**
   * Slashing protection over a {@code store} that already records its chain.
   *
   * @throws SlashingProtectionException if {@code store} records no genesis validators root
   */
  public static KvSlashingProtection existing(KvStore store) {
    requireSchema(store);
    Bytes32 root =
        store
            .get(GENESIS_VALIDATORS_ROOT)
            .orElseThrow(
                () ->
                    new SlashingProtectionException(
                        "The slashing protection database is empty: it records no chain yet"));
    return new KvSlashingProtection(store, root);
  }

  /** The chain this database protects. */
  public Bytes32 genesisValidatorsRoot() {
    return genesisValidatorsRoot;
  }

  @Override
  public synchronized SigningDecision checkAndRecordBlock(
      BlsPublicKey validator, Slot slot, Bytes32 signingRoot) {
    Bytes48 key = publicKey(validator);
    require(slot, "slot");
    require(signingRoot, "signingRoot");
    return decide(
        "block",
        reader ->
            ProposalRules.check(
                reader,
                SIGNED_BLOCKS,
                n -> new ValidatorNumberKey(key, n),
                watermarks(reader, key).blockSlot(),
                slot.value(),
                signingRoot,
                "block"),
        tx ->
            tx.put(
                SIGNED_BLOCKS,
                new ValidatorNumberKey(key, slot.value()),
                SignedRoot.of(signingRoot)));
  }

  @Override
  public synchronized SigningDecision checkAndRecordAttestation(
      BlsPublicKey validator, Epoch source, Epoch target, Bytes32 signingRoot) {
    Bytes48 key = publicKey(validator);
    require(source, "source");
    require(target, "target");
    require(signingRoot, "signingRoot");
    return decide(
        "attestation",
        reader ->
            AttestationRules.check(
                reader, key, watermarks(reader, key), source.value(), target.value(), signingRoot),
        tx ->
            tx.put(
                SIGNED_ATTESTATIONS,
                new ValidatorNumberKey(key, target.value()),
                new SignedAttestationRecord(source.value(), SignedRoot.of(signingRoot))));
  }

  @Override
  public synchronized SigningDecision checkAndRecordShardBlock(
      BlsPublicKey validator, ShardId shard, Slot slot, Bytes32 signingRoot) {
    Bytes48 key = publicKey(validator);
    require(shard, "shard");
    require(slot, "slot");
    require(signingRoot, "signingRoot");
    return decide(
        "shard block",
        reader ->
            ProposalRules.check(
                reader,
                SIGNED_SHARD_BLOCKS,
                n -> new ValidatorShardSlotKey(key, shard, n),
                reader.get(SHARD_LOW_WATERMARKS, new ValidatorShardKey(key, shard)),
                slot.value(),
                signingRoot,
                "shard " + shard + " block"),
        tx ->
            tx.put(
                SIGNED_SHARD_BLOCKS,
                new ValidatorShardSlotKey(key, shard, slot.value()),
                SignedRoot.of(signingRoot)));
  }

  /**
   * Runs {@code work} with the store and a transaction, under the same lock as the checks, and
   * commits it: how an import merges a file atomically with what is recorded.
   */
  synchronized void update(BiConsumer<KvStoreReader, KvStoreTransaction> work) {
    try (KvStoreTransaction tx = store.startTransaction()) {
      work.accept(store, tx);
      tx.commit();
    }
  }

  /** The store, for reading (exports take a snapshot of it). */
  KvStore store() {
    return store;
  }

  @Override
  public void close() {
    store.close();
  }

  private SigningDecision decide(
      String what,
      Function<KvStoreReader, Optional<String>> check,
      Consumer<KvStoreTransaction> record) {
    try {
      Optional<String> refusal = check.apply(store);
      if (refusal.isPresent()) {
        return new SigningDecision.Refused(refusal.get());
      }
      try (KvStoreTransaction tx = store.startTransaction()) {
        record.accept(tx);
        tx.commit();
      }
      return SigningDecision.safe();
    } catch (RuntimeException e) {
      return new SigningDecision.Refused(
          "slashing protection could not check the " + what + ": " + e.getMessage());
    }
  }

  private static LowWatermarks watermarks(KvStoreReader reader, Bytes48 validator) {
    return reader.get(LOW_WATERMARKS, validator).orElse(LowWatermarks.NONE);
  }

  private static Bytes48 publicKey(BlsPublicKey validator) {
    require(validator, "validator");
    return validator.toBytes();
  }

  private static void require(Object value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
  }

  private static void requireSchema(KvStore store) {
    require(store, "store");
    if (store.schema() != SlashingProtectionSchema.SCHEMA) {
      throw new IllegalArgumentException(
          "The store must be opened with SlashingProtectionSchema.SCHEMA");
    }
  }

  private static KvSlashingProtection closingOnFailure(
      KvStore store, Supplier<KvSlashingProtection> open) {
    try {
      return open.get();
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }
}
