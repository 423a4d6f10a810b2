package io.basalt.shard.transition;

import io.basalt.beacon.datastructures.shard.ShardBlockHeader;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.testing.InteropSigner;
import io.basalt.beacon.testing.InteropStates;
import io.basalt.beacon.transition.signatures.PubkeyCache;
import io.basalt.beacon.transition.signatures.SignatureSets;
import io.basalt.common.crypto.secp256k1.SecpEcdsa;
import io.basalt.common.crypto.secp256k1.SecpPrivateKey;
import io.basalt.common.types.Address;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.config.SpecConfigLoader;
import io.basalt.consensus.signing.SigningHelpers;
import io.basalt.execution.contracts.CrossShard;
import io.basalt.execution.contracts.SystemContracts;
import io.basalt.execution.processor.BlockExecutor;
import io.basalt.execution.processor.RecoveredTransaction;
import io.basalt.execution.state.Wei;
import io.basalt.execution.transaction.Eip1559Transaction;
import io.basalt.execution.transaction.TransactionSigner;
import io.basalt.execution.trie.KvNodeStore;
import io.basalt.execution.trie.NodeStore;
import io.basalt.shard.chain.ShardChain;
import io.basalt.shard.datastructures.ShardBlock;
import io.basalt.shard.datastructures.ShardSchemas;
import io.basalt.shard.datastructures.SignedShardBlock;
import io.basalt.shard.state.ShardGenesis;
import io.basalt.shard.state.ShardState;
import io.basalt.storage.memory.InMemoryKvStore;
import io.basalt.storage.schema.BasaltSchema;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Shards over a real interop beacon genesis (64 validators, local preset): funded accounts, signed
 * transactions, shard proposers' signatures, and a one-block beacon view whose crosslinks a test
 * can set. Public so that the chain and store tests can build blocks too.
 */
public final class ShardFixture {

  public static final SpecConfig CONFIG = SpecConfigLoader.load("local");
  public static final BeaconState GENESIS = InteropStates.genesis(CONFIG, 64);
  public static final Bytes32 BEACON_ROOT = Bytes32.repeat((byte) 0xbe);
  public static final SecpEcdsa ECDSA = SecpEcdsa.getDefault();

  public final ShardSchemas schemas = new ShardSchemas(CONFIG);
  public final BeaconStateAccessors accessors = new BeaconStateAccessors(CONFIG);
  final SignatureSets signatureSets =
      new SignatureSets(GENESIS.schemas(), accessors, new PubkeyCache());
  final BlockExecutor executor =
      new BlockExecutor(
          new SystemContracts(
              new BeaconDepositSignatureCheck(signatureSets),
              CONFIG.minDepositAmount().value().longValue()));
  final ShardBlockBodyProcessor bodies = new ShardBlockBodyProcessor(schemas, executor);
  public final ShardStateTransition transition =
      new ShardStateTransition(schemas, accessors, signatureSets, bodies);
  public final ShardBlockProducer producer = new ShardBlockProducer(bodies, executor);
  final InteropSigner signer = new InteropSigner();

  /** The beacon state every shard block here is anchored in; tests may set its crosslinks. */
  public BeaconState anchor = GENESIS;

  static SecpPrivateKey key(int i) {
    return SecpPrivateKey.fromBytes(Bytes32.leftPad(Bytes.of(0x10 + i)));
  }

  public static Address address(int i) {
    return Address.fromPublicKey(ECDSA.publicKeyOf(key(i)));
  }

  public static Wei ether(long n) {
    return Wei.ofEther(n);
  }

  public BeaconView beacon() {
    return new BeaconView() {
      @Override
      public Optional<BeaconState> stateAt(Bytes32 root, Slot slot) {
        return root.equals(BEACON_ROOT) ? Optional.of(anchor) : Optional.empty();
      }

      @Override
      public boolean isAncestorOrSelf(Bytes32 ancestor, Bytes32 descendant) {
        return ancestor.equals(descendant);
      }
    };
  }

  /** A chain of {@code shard} whose genesis gives accounts 0..3 100 ether each. */
  public ShardChain chain(int shard) {
    NodeStore store = new KvNodeStore(InMemoryKvStore.create(BasaltSchema.SCHEMA));
    return new ShardChain(genesis(shard, store), store, transition);
  }

  /**
   * The genesis of {@code shard} (accounts 0..3 with 100 ether), its trie nodes in {@code store}.
   */
  public ShardState genesis(int shard, NodeStore store) {
    return ShardGenesis.create(
        schemas,
        ShardId.of(shard),
        Map.of(
            address(0),
            ether(100),
            address(1),
            ether(100),
            address(2),
            ether(100),
            address(3),
            ether(100)),
        BEACON_ROOT,
        store);
  }

  /** An EIP-1559 transaction by account {@code from} on {@code shard}. */
  public RecoveredTransaction tx(
      int shard, int from, long nonce, Address to, Wei value, Bytes data) {
    return tx(shard, from, nonce, to, value, data, 100_000);
  }

  /** As {@link #tx(int, int, long, Address, Wei, Bytes)} with a gas limit. */
  public RecoveredTransaction tx(
      int shard, int from, long nonce, Address to, Wei value, Bytes data, long gasLimit) {
    Eip1559Transaction unsigned =
        Eip1559Transaction.unsigned(
            CONFIG.chainId(ShardId.of(shard)).toBigInteger(),
            UInt64.valueOf(nonce),
            BigInteger.valueOf(1_000_000_000L),
            BigInteger.valueOf(3_000_000_000L),
            UInt64.valueOf(gasLimit),
            Optional.of(to),
            value.value(),
            data,
            List.of());
    return new RecoveredTransaction(
        TransactionSigner.sign(unsigned, key(from), ECDSA), address(from));
  }

  RecoveredTransaction crossShardTransfer(
      int shard, int from, long nonce, int toShard, Address to, Wei value) {
    Bytes data = CrossShard.TRANSFER.encodeCall(List.of(BigInteger.valueOf(toShard), to));
    return tx(shard, from, nonce, SystemContracts.CROSS_SHARD, value, data);
  }

  /** The next block of {@code chain} on {@code parent}, by its proposer, signed. */
  public SignedShardBlock produce(
      ShardChain chain,
      ShardState parent,
      long slot,
      List<RecoveredTransaction> txs,
      OutboxSource outboxes)
      throws ShardBlockException {
    ProducedShardBlock produced =
        producer.produce(
            parent,
            Slot.of(slot),
            accessors.getShardProposerIndex(anchor, Slot.of(slot), parent.shard()),
            BEACON_ROOT,
            anchor,
            address(9),
            txs,
            outboxes,
            chain.nodeStore(),
            beacon());
    return sign(produced.block());
  }

  public SignedShardBlock sign(ShardBlock block) {
    ShardBlockHeader header = block.header();
    Bytes32 domain =
        accessors.getDomain(
            anchor,
            CONFIG.domainShardProposer(),
            accessors.misc().computeEpochAtSlot(header.slot()));
    Bytes32 root = new SigningHelpers().computeSigningRoot(header.hashTreeRoot(), domain);
    return new SignedShardBlock(block, signer.sign(header.proposerIndex(), root).toBytes());
  }
}
