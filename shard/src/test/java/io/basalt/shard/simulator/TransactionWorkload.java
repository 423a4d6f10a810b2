package io.basalt.shard.simulator;

import io.basalt.common.crypto.Hash;
import io.basalt.common.crypto.secp256k1.SecpEcdsa;
import io.basalt.common.crypto.secp256k1.SecpPrivateKey;
import io.basalt.common.types.Address;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.UInt64;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.execution.contracts.CrossShard;
import io.basalt.execution.contracts.Staking;
import io.basalt.execution.contracts.SystemContracts;
import io.basalt.execution.processor.RecoveredTransaction;
import io.basalt.execution.state.Wei;
import io.basalt.execution.state.WorldState;
import io.basalt.execution.transaction.Eip1559Transaction;
import io.basalt.execution.transaction.TransactionSigner;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.bytes.Bytes48;

/**
 * The users of the simulated shards: a few secp256k1 accounts funded on every shard at genesis,
 * sending plain transfers and {@code CrossShard.transfer} calls, and on request a {@code
 * Staking.deposit}. Every signed transaction goes to its shard's pool, which all shard proposers
 * share (a perfect mempool gossip); a proposer offers the pool's transactions its parent state has
 * not yet included, lowest nonce first, so a transaction dropped with its block by a reorg is
 * offered again.
 */
final class TransactionWorkload {

  /** Every account's genesis balance on every shard: 1,000 ether. */
  static final BigInteger GENESIS_BALANCE = BigInteger.TEN.pow(21);

  private static final BigInteger GWEI = BigInteger.TEN.pow(9);
  private static final BigInteger MAX_FEE = GWEI.multiply(BigInteger.valueOf(20));
  private static final BigInteger TIP = GWEI;
  private static final UInt64 TRANSFER_GAS = UInt64.valueOf(21_000);
  private static final UInt64 CROSS_SHARD_GAS = UInt64.valueOf(100_000);
  // Intrinsic gas with ~320 bytes of calldata plus the Staking contract's 60,000, with room.
  private static final UInt64 DEPOSIT_GAS = UInt64.valueOf(150_000);
  private static final long MAX_VALUE_WEI = 1_000_000_000_000_000L; // 0.001 ether

  private record Sender(SecpPrivateKey key, Address address) {}

  private final SpecConfig config;
  private final SecpEcdsa ecdsa = SecpEcdsa.getDefault();
  private final List<Sender> senders = new ArrayList<>();
  private final Map<ShardId, List<RecoveredTransaction>> pools = new HashMap<>();
  private final Map<String, Long> nextNonce = new HashMap<>();
  private final SplittableRandom random;
  private long transfers;
  private long crossShardTransfers;
  private long deposits;

  TransactionWorkload(SpecConfig config, int accounts, long seed) {
    this.config = config;
    this.random = new SplittableRandom(seed);
    for (int i = 0; i < accounts; i++) {
      Bytes32 secret = Hash.sha256(Bytes.concatenate(Bytes.ofUnsignedLong(seed), Bytes.of(i)));
      SecpPrivateKey key = SecpPrivateKey.fromBytes(secret);
      senders.add(new Sender(key, Address.fromPublicKey(ecdsa.publicKeyOf(key))));
    }
    for (int shard = 0; shard < config.shardCount(); shard++) {
      pools.put(ShardId.of(shard), new ArrayList<>());
    }
  }

  /** The genesis allocations of every shard. */
  Map<Address, Wei> allocations() {
    Map<Address, Wei> allocations = new LinkedHashMap<>();
    senders.forEach(s -> allocations.put(s.address(), new Wei(GENESIS_BALANCE)));
    return allocations;
  }

  List<Address> accounts() {
    return senders.stream().map(Sender::address).toList();
  }

  /**
   * Signs {@code perShard} new transactions for every shard: a plain transfer or, with probability
   * {@code crossShardShare}, a cross-shard transfer to a random other shard; random sender,
   * recipient and value.
   */
  void submit(int perShard, double crossShardShare) {
    for (int shard = 0; shard < config.shardCount(); shard++) {
      for (int i = 0; i < perShard; i++) {
        Sender sender = senders.get(random.nextInt(senders.size()));
        Address recipient = senders.get(random.nextInt(senders.size())).address();
        BigInteger value = BigInteger.valueOf(1 + random.nextLong(MAX_VALUE_WEI));
        if (config.shardCount() > 1 && random.nextDouble() < crossShardShare) {
          int toShard = (shard + 1 + random.nextInt(config.shardCount() - 1)) % config.shardCount();
          Bytes call =
              CrossShard.TRANSFER.encodeCall(List.of(BigInteger.valueOf(toShard), recipient));
          add(shard, sender, SystemContracts.CROSS_SHARD, value, call, CROSS_SHARD_GAS);
          crossShardTransfers++;
        } else {
          add(shard, sender, recipient, value, Bytes.EMPTY, TRANSFER_GAS);
          transfers++;
        }
      }
    }
  }

  /**
   * Signs a {@code Staking.deposit(pubkey, withdrawalAddress, popSignature)} call sending {@code
   * value} wei from the first account on {@code shard}, and pools it.
   */
  void submitDeposit(
      ShardId shard,
      Bytes48 pubkey,
      Address withdrawalAddress,
      Bytes popSignature,
      BigInteger value) {
    Bytes call = Staking.DEPOSIT.encodeCall(List.of(pubkey, withdrawalAddress, popSignature));
    add(shard.id(), senders.get(0), SystemContracts.STAKING, value, call, DEPOSIT_GAS);
    deposits++;
  }

  private void add(int shard, Sender sender, Address to, BigInteger value, Bytes data, UInt64 gas) {
    long nonce = nextNonce.merge(sender.address() + "@" + shard, 1L, Long::sum) - 1;
    Eip1559Transaction unsigned =
        Eip1559Transaction.unsigned(
            config.chainId(ShardId.of(shard)).toBigInteger(),
            UInt64.valueOf(nonce),
            TIP,
            MAX_FEE,
            gas,
            Optional.of(to),
            value,
            data,
            List.of());
    Eip1559Transaction signed = TransactionSigner.sign(unsigned, sender.key(), ecdsa);
    pools.get(ShardId.of(shard)).add(new RecoveredTransaction(signed, sender.address()));
  }

  /** The pool's transactions {@code parent} has not included yet, lowest nonce first. */
  List<RecoveredTransaction> candidates(ShardId shard, WorldState parent) {
    Map<Address, UInt64> nonces = new HashMap<>();
    return pools.get(shard).stream()
        .filter(
            t ->
                !t.tx()
                    .nonce()
                    .isLessThan(
                        nonces.computeIfAbsent(t.sender(), a -> parent.getOrEmpty(a).nonce())))
        .sorted(Comparator.comparing(t -> t.tx().nonce()))
        .toList();
  }

  long transfersSubmitted() {
    return transfers;
  }

  long crossShardTransfersSubmitted() {
    return crossShardTransfers;
  }

  long depositsSubmitted() {
    return deposits;
  }
}
