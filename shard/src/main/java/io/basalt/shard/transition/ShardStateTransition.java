package io.basalt.shard.transition;

import static io.basalt.shard.transition.ShardBlockException.check;

import io.basalt.beacon.datastructures.shard.ShardBlockHeader;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.transition.signatures.SignatureSets;
import io.basalt.common.crypto.bls.BlsException;
import io.basalt.common.crypto.bls.BlsSignatureVerifier;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.execution.state.WorldState;
import io.basalt.execution.transaction.FeeMarket;
import io.basalt.execution.trie.NodeStore;
import io.basalt.shard.datastructures.ShardBlock;
import io.basalt.shard.datastructures.ShardSchemas;
import io.basalt.shard.datastructures.SignedShardBlock;
import io.basalt.shard.state.ShardState;
import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Validates a signed shard block on its parent state and returns the state after it. The block is
 * valid when:
 *
 * <ol>
 *   <li>it is of the parent's shard, at a later slot, and names the parent's root;
 *   <li>its beacon block is known, at or before its slot and at most {@code SLOTS_PER_EPOCH} before
 *       it, and descends from (or is) the parent's beacon block, so crosslinks only advance along a
 *       shard chain;
 *   <li>its proposer is the shard proposer of (slot, shard) in the beacon state at that slot on top
 *       of its beacon block, and signed the header ({@code DOMAIN_SHARD_PROPOSER});
 *   <li>its gas limit is {@code SHARD_GAS_LIMIT} and its base fee the parent's EIP-1559 successor;
 *   <li>its body matches {@code transactions_root} and {@code incoming_receipts_root};
 *   <li>running the body ({@link ShardBlockBodyProcessor}) succeeds and yields the header's gas
 *       used, {@code state_root} (account trie) and {@code receipts_root} (outbox).
 * </ol>
 *
 * Pure: the beacon chain, node store, verifier and sender recovery are passed in. Trie nodes of an
 * invalid block may reach the node store; they are content-addressed and unreferenced.
 */
public final class ShardStateTransition {

  private final ShardSchemas schemas;
  private final BeaconStateAccessors accessors;
  private final SignatureSets signatureSets;
  private final ShardBlockBodyProcessor bodies;

  public ShardStateTransition(
      ShardSchemas schemas,
      BeaconStateAccessors accessors,
      SignatureSets signatureSets,
      ShardBlockBodyProcessor bodies) {
    this.schemas = schemas;
    this.accessors = accessors;
    this.signatureSets = signatureSets;
    this.bodies = bodies;
  }

  public ShardSchemas schemas() {
    return schemas;
  }

  public ShardBlockResult apply(
      ShardState parent,
      SignedShardBlock signed,
      BeaconView beacon,
      NodeStore store,
      BlsSignatureVerifier verifier,
      SenderRecoverer recoverer)
      throws ShardBlockException {
    ShardBlock block = signed.message();
    ShardBlockHeader header = block.header();
    BeaconState anchor = checkHeader(parent, header, beacon);
    checkSignature(signed, anchor, verifier);
    check(
        header.transactionsRoot().equals(schemas.transactionsRoot(block.body().transactions())),
        InvalidShardBlockReason.TRANSACTIONS_ROOT_MISMATCH,
        "Header transactions root " + header.transactionsRoot() + " does not match the body");
    check(
        header.incomingReceiptsRoot().equals(schemas.incomingReceiptsRoot(block.body())),
        InvalidShardBlockReason.INCOMING_RECEIPTS_ROOT_MISMATCH,
        "Header incoming receipts root " + header.incomingReceiptsRoot() + " does not match");

    BlockContext context =
        new BlockContext(
            header.slot(),
            header.beaconBlockRoot(),
            anchor,
            header.baseFee(),
            header.feeRecipient(),
            BeaconSettlementView.of(
                schemas.config(), beacon, anchor, header.shard(), header.slot()));
    ProcessedBody processed =
        bodies.process(
            parent,
            context,
            block.body(),
            WorldState.open(parent.accountsRoot(), store),
            recoverer);
    check(
        header.gasUsed().equals(processed.execution().gasUsed()),
        InvalidShardBlockReason.GAS_USED_MISMATCH,
        "Header gas used "
            + header.gasUsed()
            + "; execution used "
            + processed.execution().gasUsed());
    check(
        header.stateRoot().equals(processed.accountsRoot()),
        InvalidShardBlockReason.STATE_ROOT_MISMATCH,
        "Header state root "
            + header.stateRoot()
            + "; execution gives "
            + processed.accountsRoot());
    Bytes32 outboxRoot = processed.outbox().root(schemas.outbox());
    check(
        header.receiptsRoot().equals(outboxRoot),
        InvalidShardBlockReason.RECEIPTS_ROOT_MISMATCH,
        "Header receipts root " + header.receiptsRoot() + "; the outbox root is " + outboxRoot);
    return new ShardBlockResult(postState(header, processed), processed);
  }

  /** The state after a block with {@code header} whose body ran as {@code processed}. */
  static ShardState postState(ShardBlockHeader header, ProcessedBody processed) {
    return new ShardState(
        header.shard(),
        header.slot(),
        header.hashTreeRoot(),
        header.beaconBlockRoot(),
        processed.accountsRoot(),
        nextBaseFee(header.baseFee(), header),
        processed.outbox(),
        processed.inboxCursors(),
        processed.withdrawalCursor());
  }

  private static BigInteger nextBaseFee(BigInteger baseFee, ShardBlockHeader header) {
    return FeeMarket.nextBaseFee(baseFee, header.gasUsed(), FeeMarket.gasTarget(header.gasLimit()));
  }

  /** The header rules before any execution; returns the beacon state the block is anchored in. */
  private BeaconState checkHeader(ShardState parent, ShardBlockHeader header, BeaconView beacon)
      throws ShardBlockException {
    check(
        header.shard().equals(parent.shard()),
        InvalidShardBlockReason.WRONG_SHARD,
        "Block of shard " + header.shard() + " on a parent of shard " + parent.shard());
    Slot slot = header.slot();
    check(
        slot.isAfter(parent.slot()),
        InvalidShardBlockReason.SLOT_NOT_AFTER_PARENT,
        "Block at slot " + slot + " on a parent at slot " + parent.slot());
    check(
        header.parentRoot().equals(parent.blockRoot()),
        InvalidShardBlockReason.PARENT_MISMATCH,
        "Block names parent " + header.parentRoot() + "; the parent is " + parent.blockRoot());
    BeaconState anchor =
        beacon
            .stateAt(header.beaconBlockRoot(), slot)
            .orElseThrow(
                () ->
                    new ShardBlockException(
                        InvalidShardBlockReason.BEACON_BLOCK_UNKNOWN,
                        "Beacon block "
                            + header.beaconBlockRoot()
                            + " is unknown or after slot "
                            + slot));
    Slot anchorSlot = anchor.latestBlockHeader().slot();
    check(
        !anchorSlot.isAfter(slot),
        InvalidShardBlockReason.BEACON_BLOCK_AFTER_SLOT,
        "Beacon block at slot " + anchorSlot + " for a shard block at " + slot);
    check(
        slot.value().minus(anchorSlot.value()).longValue() <= schemas.config().slotsPerEpoch(),
        InvalidShardBlockReason.BEACON_BLOCK_TOO_OLD,
        "Beacon block at slot " + anchorSlot + " is more than an epoch before slot " + slot);
    check(
        beacon.isAncestorOrSelf(parent.beaconBlockRoot(), header.beaconBlockRoot()),
        InvalidShardBlockReason.BEACON_BLOCK_NOT_DESCENDANT,
        "Beacon block "
            + header.beaconBlockRoot()
            + " does not descend from the parent's "
            + parent.beaconBlockRoot());
    check(
        !accessors.getBeaconCommittee(anchor, slot, header.shard()).isEmpty(),
        InvalidShardBlockReason.NO_COMMITTEE,
        "Shard " + header.shard() + " has no committee at slot " + slot);
    ValidatorIndex proposer = accessors.getShardProposerIndex(anchor, slot, header.shard());
    check(
        header.proposerIndex().equals(proposer),
        InvalidShardBlockReason.PROPOSER_MISMATCH,
        "Block names proposer " + header.proposerIndex() + "; the shard proposer is " + proposer);
    check(
        header.gasLimit().equals(schemas.config().shardGasLimit()),
        InvalidShardBlockReason.GAS_LIMIT_MISMATCH,
        "Gas limit "
            + header.gasLimit()
            + "; SHARD_GAS_LIMIT is "
            + schemas.config().shardGasLimit());
    check(
        header.baseFee().equals(parent.nextBaseFee()),
        InvalidShardBlockReason.BASE_FEE_MISMATCH,
        "Base fee " + header.baseFee() + "; the parent sets " + parent.nextBaseFee());
    return anchor;
  }

  private void checkSignature(
      SignedShardBlock signed, BeaconState anchor, BlsSignatureVerifier verifier)
      throws ShardBlockException {
    boolean valid;
    try {
      valid = verifier.verify(signatureSets.shardHeader(anchor, signed.signedHeader()));
    } catch (BlsException e) {
      valid = false;
    }
    check(
        valid,
        InvalidShardBlockReason.SIGNATURE_INVALID,
        "Proposer " + signed.message().header().proposerIndex() + " did not sign this header");
  }
}
