package io.basalt.node.rpc.eth.data;

import io.basalt.beacon.datastructures.shard.ShardBlockHeader;
import io.basalt.common.cache.WeightedLruCache;
import io.basalt.common.crypto.Hash;
import io.basalt.common.types.Address;
import io.basalt.common.types.Slot;
import io.basalt.execution.processor.RecoveredTransaction;
import io.basalt.execution.receipt.Log;
import io.basalt.execution.receipt.LogsBloom;
import io.basalt.execution.receipt.Receipt;
import io.basalt.execution.transaction.SenderRecovery;
import io.basalt.execution.transaction.SenderResult;
import io.basalt.execution.transaction.Transaction;
import io.basalt.execution.transaction.TransactionDecoder;
import io.basalt.execution.transaction.TransactionDecodingException;
import io.basalt.node.rpc.eth.LogFilter;
import io.basalt.node.rpc.eth.RpcBlock;
import io.basalt.node.rpc.eth.RpcLog;
import io.basalt.node.rpc.eth.RpcReceipt;
import io.basalt.node.rpc.eth.RpcTransaction;
import io.basalt.shard.chain.ShardChain;
import io.basalt.shard.datastructures.ShardSchemas;
import io.basalt.shard.datastructures.SignedShardBlock;
import io.basalt.shard.state.ShardState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Builds the Ethereum view of one shard's stored blocks: blocks with decoded transactions and their
 * senders, receipts with their own gas and placed logs. Recent blocks are cached (they never
 * change). Thread-safe.
 */
final class BlockAssembler {

  /** Keccak-256 of the RLP of an empty string: Ethereum's empty trie root. */
  static final Bytes32 EMPTY_TRIE_ROOT =
      Bytes32.fromHexString("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");

  /** The most blocks cached. */
  private static final int CACHE_BLOCKS = 256;

  /**
   * The most transactions in the cached blocks, whatever their number: under load a block carries a
   * thousand transactions, and 256 such blocks would fill a bounded node heap.
   */
  private static final int CACHE_TRANSACTIONS = 16_384;

  private final ShardChain chain;
  private final ShardSchemas schemas;
  private final ShardState genesis;
  private final long genesisTime;
  private final long secondsPerSlot;
  private final long gasLimit;
  private final WeightedLruCache<Bytes32, RpcBlock> cache =
      new WeightedLruCache<>(CACHE_BLOCKS, CACHE_TRANSACTIONS, b -> b.transactions().size());

  BlockAssembler(
      ShardChain chain,
      ShardSchemas schemas,
      ShardState genesis,
      long genesisTime,
      long secondsPerSlot,
      long gasLimit) {
    this.chain = chain;
    this.schemas = schemas;
    this.genesis = genesis;
    this.genesisTime = genesisTime;
    this.secondsPerSlot = secondsPerSlot;
    this.gasLimit = gasLimit;
  }

  ShardState genesis() {
    return genesis;
  }

  /** The block {@code root} at height {@code number}; empty if it is not stored. */
  Optional<RpcBlock> block(Bytes32 root, long number) {
    Optional<RpcBlock> cached = cache.get(root);
    if (cached.isPresent()) {
      return cached;
    }
    Optional<RpcBlock> built =
        root.equals(CanonicalIndex.GENESIS)
            ? Optional.of(genesisBlock())
            : chain.block(root).map(block -> build(block, number));
    built.ifPresent(b -> cache.put(root, b));
    return built;
  }

  private RpcBlock genesisBlock() {
    return new RpcBlock(
        genesis.shard(),
        0,
        CanonicalIndex.GENESIS,
        Bytes32.ZERO,
        Slot.ZERO,
        genesis.beaconBlockRoot(),
        genesis.accountsRoot(),
        EMPTY_TRIE_ROOT,
        EMPTY_TRIE_ROOT,
        LogsBloom.EMPTY,
        Address.ZERO,
        0,
        gasLimit,
        genesis.nextBaseFee(),
        genesisTime,
        0,
        List.of());
  }

  private RpcBlock build(SignedShardBlock signed, long number) {
    Bytes32 root = signed.root();
    ShardBlockHeader header = signed.message().header();
    List<Receipt> receipts = chain.receipts(root).orElse(List.of());
    List<RecoveredTransaction> recovered = senders(root, signed.message().body().transactions());
    List<RpcTransaction> transactions = new ArrayList<>(recovered.size());
    for (int i = 0; i < recovered.size(); i++) {
      transactions.add(
          new RpcTransaction(
              recovered.get(i).tx(),
              recovered.get(i).sender(),
              Optional.of(new RpcTransaction.Inclusion(root, number, i, header.baseFee()))));
    }
    return new RpcBlock(
        header.shard(),
        number,
        root,
        header.parentRoot(),
        header.slot(),
        header.beaconBlockRoot(),
        header.stateRoot(),
        header.transactionsRoot(),
        header.receiptsRoot(),
        LogsBloom.ofReceipts(receipts),
        header.feeRecipient(),
        header.gasUsed().longValue(),
        header.gasLimit().longValue(),
        header.baseFee(),
        genesisTime + header.slot().value().longValue() * secondsPerSlot,
        schemas.signedBlock().serialize(signed).size(),
        transactions);
  }

  /**
   * The block's transactions with their senders: as its import recovered them while that result is
   * cached, else decoded with the senders stored beside the block, else (blocks stored before
   * senders were) recovered again.
   */
  private List<RecoveredTransaction> senders(Bytes32 root, List<Bytes> raw) {
    Optional<List<RecoveredTransaction>> imported =
        chain.result(root).map(result -> result.body().transactions());
    if (imported.isPresent() && imported.get().size() == raw.size()) {
      return imported.get();
    }
    List<Address> stored = chain.senders(root).filter(s -> s.size() == raw.size()).orElse(null);
    List<RecoveredTransaction> recovered = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      Transaction tx = decode(raw.get(i));
      Address from = stored != null ? stored.get(i) : recover(tx);
      recovered.add(new RecoveredTransaction(tx, from));
    }
    return recovered;
  }

  private static Address recover(Transaction tx) {
    return SenderRecovery.recover(tx) instanceof SenderResult.Recovered sender
        ? sender.sender()
        : Address.ZERO; // impossible for an imported block: its senders were recovered
  }

  private static Transaction decode(Bytes raw) {
    try {
      return TransactionDecoder.decode(raw);
    } catch (TransactionDecodingException e) {
      throw new IllegalStateException("Stored block holds an undecodable transaction", e);
    }
  }

  /** The receipt of transaction {@code index} of {@code block}; empty when receipts are gone. */
  Optional<RpcReceipt> receipt(RpcBlock block, int index) {
    Optional<List<Receipt>> receipts = chain.receipts(block.hash());
    if (receipts.isEmpty() || index >= receipts.get().size()) {
      return Optional.empty();
    }
    List<Receipt> all = receipts.get();
    int logIndex = 0;
    for (int i = 0; i < index; i++) {
      logIndex += all.get(i).logs().size();
    }
    Receipt receipt = all.get(index);
    long previous = index == 0 ? 0 : all.get(index - 1).cumulativeGasUsed().longValue();
    RpcTransaction tx = block.transactions().get(index);
    List<RpcLog> logs = new ArrayList<>();
    for (Log log : receipt.logs()) {
      logs.add(
          new RpcLog(log, block.hash(), block.number(), tx.tx().hash(), index, logIndex++, false));
    }
    return Optional.of(
        new RpcReceipt(tx, receipt, receipt.cumulativeGasUsed().longValue() - previous, logs));
  }

  /**
   * The logs of block {@code root} at {@code number} that {@code filter} matches, appended to
   * {@code out}; false when more than {@code max} would be in {@code out}. Reads no senders.
   */
  boolean logs(Bytes32 root, long number, LogFilter filter, List<RpcLog> out, int max) {
    if (root.equals(CanonicalIndex.GENESIS)) {
      return true;
    }
    Optional<List<Receipt>> receipts = chain.receipts(root);
    Optional<SignedShardBlock> block = chain.block(root);
    if (receipts.isEmpty() || block.isEmpty()) {
      return true;
    }
    List<Bytes> raw = block.get().message().body().transactions();
    int logIndex = 0;
    for (int i = 0; i < receipts.get().size(); i++) {
      Receipt receipt = receipts.get().get(i);
      Bytes32 txHash = null;
      for (Log log : receipt.logs()) {
        if (filter.matches(log)) {
          if (out.size() >= max) {
            return false;
          }
          if (txHash == null) {
            txHash = i < raw.size() ? Hash.keccak256(raw.get(i)) : Bytes32.ZERO;
          }
          out.add(new RpcLog(log, root, number, txHash, i, logIndex, false));
        }
        logIndex++;
      }
    }
    return true;
  }
}
