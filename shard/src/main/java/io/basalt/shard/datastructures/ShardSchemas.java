package io.basalt.shard.datastructures;

import static io.basalt.common.ssz.Field.field;

import io.basalt.beacon.datastructures.shard.CrossShardReceipt;
import io.basalt.beacon.datastructures.shard.ShardBlockHeader;
import io.basalt.beacon.datastructures.shard.ShardOutbox;
import io.basalt.beacon.state.PendingWithdrawal;
import io.basalt.common.ssz.ContainerSchema;
import io.basalt.common.ssz.ListSchema;
import io.basalt.common.ssz.SszTypes;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.types.ConsensusSsz;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The SSZ schemas of shard blocks for one config, and the two body roots a header commits to:
 *
 * <ul>
 *   <li>{@code transactions_root = hash_tree_root(List[ByteList[MAX_TX_SIZE],
 *       MAX_TRANSACTIONS_PER_BLOCK])} of the encoded transactions;
 *   <li>{@code incoming_receipts_root = hash_tree_root(IncomingMessages{receipts:
 *       List[IncomingReceipt, MAX_INCOMING_RECEIPTS], withdrawals: List[PendingWithdrawal,
 *       MAX_WITHDRAWALS_PER_BLOCK]})}.
 * </ul>
 */
public final class ShardSchemas {

  /** geth's largest transaction, {@code TransactionValidator.MAX_TX_SIZE}. */
  public static final long MAX_TX_SIZE = 128 * 1024;

  public static final long MAX_TRANSACTIONS_PER_BLOCK = 1L << 14;

  /** Withdrawals paid per block on the withdrawal shard. */
  public static final int MAX_WITHDRAWALS_PER_BLOCK = 16;

  private final SpecConfig config;
  private final ShardOutbox.Schema outbox;
  private final ListSchema<Bytes> transactions;
  private final ContainerSchema<IncomingReceipt> incomingReceipt;
  private final ContainerSchema<IncomingMessages> incomingMessages;
  private final ContainerSchema<ShardBlockBody> body;
  private final ContainerSchema<ShardBlock> block;
  private final ContainerSchema<SignedShardBlock> signedBlock;

  /** The part of a body {@code incoming_receipts_root} commits to. */
  public record IncomingMessages(
      List<IncomingReceipt> receipts, List<PendingWithdrawal> withdrawals) {}

  public ShardSchemas(SpecConfig config) {
    this.config = config;
    this.outbox = new ShardOutbox.Schema(config.shardCount());
    this.transactions = SszTypes.list(SszTypes.byteList(MAX_TX_SIZE), MAX_TRANSACTIONS_PER_BLOCK);
    this.incomingReceipt =
        ContainerSchema.ofRecord(
            IncomingReceipt.class,
            field("receipt", CrossShardReceipt.SSZ, IncomingReceipt::receipt),
            field(
                "branch",
                SszTypes.list(SszTypes.BYTES32, IncomingReceipt.MAX_BRANCH_LENGTH),
                IncomingReceipt::branch));
    ListSchema<IncomingReceipt> receipts =
        SszTypes.list(incomingReceipt, config.maxIncomingReceipts());
    ListSchema<PendingWithdrawal> withdrawals =
        SszTypes.list(PendingWithdrawal.SSZ, MAX_WITHDRAWALS_PER_BLOCK);
    this.incomingMessages =
        ContainerSchema.ofRecord(
            IncomingMessages.class,
            field("receipts", receipts, IncomingMessages::receipts),
            field("withdrawals", withdrawals, IncomingMessages::withdrawals));
    this.body =
        ContainerSchema.ofRecord(
            ShardBlockBody.class,
            field("transactions", transactions, ShardBlockBody::transactions),
            field("incomingReceipts", receipts, ShardBlockBody::incomingReceipts),
            field("withdrawals", withdrawals, ShardBlockBody::withdrawals));
    this.block =
        ContainerSchema.ofRecord(
            ShardBlock.class,
            field("header", ShardBlockHeader.SSZ, ShardBlock::header),
            field("body", body, ShardBlock::body));
    this.signedBlock =
        ContainerSchema.ofRecord(
            SignedShardBlock.class,
            field("message", block, SignedShardBlock::message),
            field("signature", ConsensusSsz.BLS_SIGNATURE, SignedShardBlock::signature));
  }

  public SpecConfig config() {
    return config;
  }

  public ShardOutbox.Schema outbox() {
    return outbox;
  }

  public ContainerSchema<ShardBlockBody> body() {
    return body;
  }

  public ContainerSchema<ShardBlock> block() {
    return block;
  }

  public ContainerSchema<SignedShardBlock> signedBlock() {
    return signedBlock;
  }

  public Bytes32 transactionsRoot(List<Bytes> encodedTransactions) {
    return transactions.hashTreeRoot(encodedTransactions);
  }

  public Bytes32 incomingReceiptsRoot(ShardBlockBody body) {
    return incomingMessages.hashTreeRoot(
        new IncomingMessages(body.incomingReceipts(), body.withdrawals()));
  }
}
