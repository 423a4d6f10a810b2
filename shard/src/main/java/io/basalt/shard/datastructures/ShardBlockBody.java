package io.basalt.shard.datastructures;

import io.basalt.beacon.state.PendingWithdrawal;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/**
 * What a shard block carries besides its header: the signed transactions in their network encoding,
 * the cross-shard receipts it applies (ordered by source shard, then index) and, on the withdrawal
 * shard, the beacon chain's withdrawals it pays (in index order).
 */
public record ShardBlockBody(
    List<Bytes> transactions,
    List<IncomingReceipt> incomingReceipts,
    List<PendingWithdrawal> withdrawals) {

  public static final ShardBlockBody EMPTY = new ShardBlockBody(List.of(), List.of(), List.of());

  public ShardBlockBody {
    transactions = List.copyOf(transactions);
    incomingReceipts = List.copyOf(incomingReceipts);
    withdrawals = List.copyOf(withdrawals);
  }
}
