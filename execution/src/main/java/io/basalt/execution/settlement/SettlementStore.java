package io.basalt.execution.settlement;

import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.execution.contracts.ContractStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Typed access to the Settlement contract's records in its storage, in the layout of {@link
 * SettlementSlots}. Holds nothing itself; for one call.
 */
public final class SettlementStore {

  /** Which committee of a rollup. */
  public enum Committee {
    OPERATORS(SettlementSlots.TAG_OPERATOR),
    CHALLENGERS(SettlementSlots.TAG_CHALLENGER);

    private final int tag;

    Committee(int tag) {
      this.tag = tag;
    }
  }

  /** A committee member as stored. */
  public record Member(Bytes pubkey, long weight) {}

  private final ContractStorage storage;

  public SettlementStore(ContractStorage storage) {
    this.storage = storage;
  }

  public long rollupCount() {
    return Uint.low64(storage.load(SettlementSlots.ROLLUP_COUNT));
  }

  public void setRollupCount(long count) {
    storage.store(SettlementSlots.ROLLUP_COUNT, Uint.word(count));
  }

  /** The rollup, if registered. */
  public Optional<RollupRecord> rollup(long rollupId) {
    if (Long.compareUnsigned(rollupId, rollupCount()) >= 0) {
      return Optional.empty();
    }
    Bytes32[] f = new Bytes32[RollupRecord.FIELDS];
    for (int i = 0; i < f.length; i++) {
      f[i] = storage.load(SettlementSlots.rollup(rollupId, i));
    }
    return Optional.of(
        new RollupRecord(
            Uint.low64(f[0]),
            Uint.low64(f[1]),
            (int) Uint.low64(f[2]),
            Uint.low64(f[3]),
            Uint.low64(f[4]),
            (int) Uint.low64(f[5]),
            Uint.low64(f[6]),
            Uint.low64(f[7]),
            Uint.big(f[8]),
            Uint.big(f[9]),
            Uint.low64(f[10]),
            !f[11].isZero()));
  }

  public void putRollup(long rollupId, RollupRecord r) {
    Bytes32[] f = {
      Uint.word(r.challengePeriod()),
      Uint.word(r.operatorThreshold()),
      Uint.word(r.operatorCount()),
      Uint.word(r.operatorNonce()),
      Uint.word(r.challengerThreshold()),
      Uint.word(r.challengerCount()),
      Uint.word(r.batchCount()),
      Uint.word(r.lastGoodPlus1()),
      Uint.word(r.bond()),
      Uint.word(r.escrow()),
      Uint.word(r.depositCount()),
      Uint.word(r.frozen() ? 1 : 0)
    };
    for (int i = 0; i < f.length; i++) {
      storage.store(SettlementSlots.rollup(rollupId, i), f[i]);
    }
  }

  public List<Member> committee(long rollupId, Committee committee, int count) {
    List<Member> members = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Bytes32 head = storage.load(SettlementSlots.slot(committee.tag, rollupId, i, 0));
      Bytes32 tail = storage.load(SettlementSlots.slot(committee.tag, rollupId, i, 1));
      long weight = Uint.low64(storage.load(SettlementSlots.slot(committee.tag, rollupId, i, 2)));
      members.add(new Member(Bytes.concatenate(head, tail.slice(0, 16)), weight));
    }
    return members;
  }

  public void putCommittee(long rollupId, Committee committee, WeightedKeys keys) {
    for (int i = 0; i < keys.size(); i++) {
      Bytes pubkey = keys.pubkeys().get(i);
      storage.store(
          SettlementSlots.slot(committee.tag, rollupId, i, 0), Bytes32.wrap(pubkey.slice(0, 32)));
      storage.store(
          SettlementSlots.slot(committee.tag, rollupId, i, 1),
          Bytes32.rightPad(pubkey.slice(32, 16)));
      storage.store(
          SettlementSlots.slot(committee.tag, rollupId, i, 2), Uint.word(keys.weights().get(i)));
    }
  }

  /** Batch {@code batchIndex}, if committed; the caller checks it is below the batch count. */
  public BatchRecord batch(long rollupId, long batchIndex) {
    Bytes32[] f = new Bytes32[9];
    for (int i = 0; i < f.length; i++) {
      f[i] = storage.load(SettlementSlots.batch(rollupId, batchIndex, i));
    }
    BatchHeader header =
        new BatchHeader(f[1], Uint.low64(f[2]), Uint.low64(f[3]), f[4], f[5], f[6]);
    return new BatchRecord(
        f[0], header, new Slot(UInt64.fromBits(Uint.low64(f[7]))), !f[8].isZero());
  }

  public void putBatch(long rollupId, long batchIndex, BatchRecord b) {
    BatchHeader h = b.header();
    Bytes32[] f = {
      b.batchHash(),
      h.parentBatchHash(),
      Uint.word(h.l2StartBlock()),
      Uint.word(h.l2EndBlock()),
      h.stateRoot(),
      h.withdrawalsRoot(),
      h.dataHash(),
      Uint.word(b.commitSlot().value().toBigInteger()),
      Uint.word(b.reverted() ? 1 : 0)
    };
    for (int i = 0; i < f.length; i++) {
      storage.store(SettlementSlots.batch(rollupId, batchIndex, i), f[i]);
    }
  }

  public void markReverted(long rollupId, long batchIndex) {
    storage.store(
        SettlementSlots.batch(rollupId, batchIndex, BatchRecord.FIELD_REVERTED), Uint.word(1));
  }

  public boolean isReverted(long rollupId, long batchIndex) {
    return !storage
        .load(SettlementSlots.batch(rollupId, batchIndex, BatchRecord.FIELD_REVERTED))
        .isZero();
  }

  public Bytes32 depositAccumulator(long rollupId, long nonce) {
    return storage.load(SettlementSlots.depositAccumulator(rollupId, nonce));
  }

  public void putDepositAccumulator(long rollupId, long nonce, Bytes32 accumulator) {
    storage.store(SettlementSlots.depositAccumulator(rollupId, nonce), accumulator);
  }

  public boolean isSpent(long rollupId, long withdrawalNonce) {
    return !storage.load(SettlementSlots.spent(rollupId, withdrawalNonce)).isZero();
  }

  public void markSpent(long rollupId, long withdrawalNonce) {
    storage.store(SettlementSlots.spent(rollupId, withdrawalNonce), Uint.word(1));
  }
}
