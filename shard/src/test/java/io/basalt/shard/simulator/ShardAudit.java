package io.basalt.shard.simulator;

import io.basalt.beacon.datastructures.shard.CrossShardReceipt;
import io.basalt.beacon.datastructures.shard.ShardOutbox;
import io.basalt.common.types.Address;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.UInt64;
import io.basalt.execution.contracts.SystemContracts;
import io.basalt.execution.processor.RecoveredTransaction;
import io.basalt.execution.state.WorldState;
import io.basalt.shard.chain.ShardChain;
import io.basalt.shard.datastructures.IncomingReceipt;
import io.basalt.shard.datastructures.SignedShardBlock;
import io.basalt.shard.state.ShardState;
import io.basalt.shard.transition.ShardBlockResult;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Reads what one node holds along each shard's canonical chain (genesis to the current head) and
 * checks the cross-shard invariants. Each check returns the violations it found, empty when the
 * invariant holds, so a test can show them all.
 */
final class ShardAudit {

  private final ShardNode node;
  private final int shardCount;
  private final List<List<SignedShardBlock>> chains = new ArrayList<>();
  private final List<ShardState> heads = new ArrayList<>();

  ShardAudit(ShardNode node, int shardCount) {
    this.node = node;
    this.shardCount = shardCount;
    for (int shard = 0; shard < shardCount; shard++) {
      ShardChain chain = node.chain(ShardId.of(shard));
      Bytes32 head = node.currentHead(ShardId.of(shard));
      heads.add(chain.stateAfter(head).orElseThrow());
      List<SignedShardBlock> blocks = new ArrayList<>();
      for (Bytes32 root = head; !root.isZero(); ) {
        SignedShardBlock block = chain.block(root).orElseThrow();
        blocks.add(block);
        root = block.message().header().parentRoot();
      }
      chains.add(blocks.reversed());
    }
  }

  /** The blocks of {@code shard}'s canonical chain, oldest first. */
  List<SignedShardBlock> chain(int shard) {
    return chains.get(shard);
  }

  ShardState head(int shard) {
    return heads.get(shard);
  }

  private ShardBlockResult result(int shard, SignedShardBlock block) {
    return node.chain(ShardId.of(shard)).result(block.root()).orElseThrow();
  }

  /**
   * Every receipt a destination applied is the next one from its source (each exactly once, in
   * order), equal to what the source's outbox holds at that index (same value and recipient), and
   * the destination's cursors count exactly the receipts applied.
   */
  List<String> receiptViolations() {
    List<String> violations = new ArrayList<>();
    for (int destination = 0; destination < shardCount; destination++) {
      long[] next = new long[shardCount];
      for (SignedShardBlock block : chains.get(destination)) {
        for (IncomingReceipt incoming : block.message().body().incomingReceipts()) {
          CrossShardReceipt receipt = incoming.receipt();
          int source = receipt.source().id();
          ShardOutbox outbox = heads.get(source).outbox();
          long index = receipt.index().longValue();
          if (index != next[source]) {
            violations.add(
                "Shard "
                    + destination
                    + " applied receipt "
                    + index
                    + " from "
                    + source
                    + "; expected "
                    + next[source]);
          } else if (index >= outbox.countTo(ShardId.of(destination)).longValue()
              || !outbox.toShards().get(destination).get(index).equals(receipt)) {
            violations.add(
                "Shard "
                    + destination
                    + " applied receipt "
                    + index
                    + " from "
                    + source
                    + " that the source's canonical outbox does not hold");
          }
          next[source] = index + 1;
        }
      }
      for (int source = 0; source < shardCount; source++) {
        UInt64 cursor = heads.get(destination).inboxCursor(ShardId.of(source));
        if (cursor.longValue() != next[source]) {
          violations.add(
              "Shard "
                  + destination
                  + " cursor for "
                  + source
                  + " is "
                  + cursor
                  + "; applied "
                  + next[source]);
        }
      }
    }
    return violations;
  }

  /** Nonces of each sender on each shard run 0, 1, 2, ... along the chain, and match the state. */
  List<String> nonceViolations() {
    List<String> violations = new ArrayList<>();
    for (int shard = 0; shard < shardCount; shard++) {
      Map<Address, Long> next = new HashMap<>();
      for (SignedShardBlock block : chains.get(shard)) {
        for (RecoveredTransaction tx : result(shard, block).body().transactions()) {
          long expected = next.getOrDefault(tx.sender(), 0L);
          if (tx.tx().nonce().longValue() != expected) {
            violations.add(
                "Shard "
                    + shard
                    + ": "
                    + tx.sender()
                    + " nonce "
                    + tx.tx().nonce()
                    + "; expected "
                    + expected);
          }
          next.put(tx.sender(), tx.tx().nonce().longValue() + 1);
        }
      }
      WorldState world = WorldState.open(heads.get(shard).accountsRoot(), node.store());
      for (Map.Entry<Address, Long> sender : next.entrySet()) {
        long stateNonce = world.getOrEmpty(sender.getKey()).nonce().longValue();
        if (stateNonce != sender.getValue()) {
          violations.add(
              "Shard "
                  + shard
                  + ": "
                  + sender.getKey()
                  + " has nonce "
                  + stateNonce
                  + " after "
                  + sender.getValue()
                  + " transactions");
        }
      }
    }
    return violations;
  }

  /** Cross-shard receipts applied on their destinations, over all shards. */
  long receiptsApplied() {
    return chains.stream()
        .flatMap(List::stream)
        .mapToLong(b -> b.message().body().incomingReceipts().size())
        .sum();
  }

  long transactionsIncluded() {
    return chains.stream()
        .flatMap(List::stream)
        .mapToLong(b -> b.message().body().transactions().size())
        .sum();
  }

  /** The wei the outboxes hold for destinations that have not applied them yet. */
  BigInteger inFlight() {
    BigInteger total = BigInteger.ZERO;
    for (int source = 0; source < shardCount; source++) {
      ShardOutbox outbox = heads.get(source).outbox();
      for (int destination = 0; destination < shardCount; destination++) {
        long applied = heads.get(destination).inboxCursor(ShardId.of(source)).longValue();
        var receipts = outbox.toShards().get(destination);
        for (long i = applied; i < receipts.size(); i++) {
          total = total.add(receipts.get(i).value());
        }
      }
    }
    return total;
  }

  /** Base fees burned along every shard's chain. */
  BigInteger burned() {
    BigInteger total = BigInteger.ZERO;
    for (int shard = 0; shard < shardCount; shard++) {
      for (SignedShardBlock block : chains.get(shard)) {
        total = total.add(result(shard, block).body().execution().burned().value());
      }
    }
    return total;
  }

  /**
   * The balances of every account that can hold value on any shard: the users, the fee recipients
   * of the blocks, and the system contracts (which should hold nothing).
   */
  BigInteger balances(List<Address> users) {
    Set<Address> accounts = new LinkedHashSet<>(users);
    accounts.add(SystemContracts.CROSS_SHARD);
    accounts.add(SystemContracts.STAKING);
    chains.forEach(c -> c.forEach(b -> accounts.add(b.message().header().feeRecipient())));
    BigInteger total = BigInteger.ZERO;
    for (int shard = 0; shard < shardCount; shard++) {
      WorldState world = WorldState.open(heads.get(shard).accountsRoot(), node.store());
      for (Address account : accounts) {
        total = total.add(world.getOrEmpty(account).balance().value());
      }
    }
    return total;
  }
}
