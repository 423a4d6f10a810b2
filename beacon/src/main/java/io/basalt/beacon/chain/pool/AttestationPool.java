package io.basalt.beacon.chain.pool;

import io.basalt.beacon.state.BeaconState;
import io.basalt.common.crypto.bls.Bls;
import io.basalt.common.crypto.bls.BlsException;
import io.basalt.common.crypto.bls.BlsSignature;
import io.basalt.common.ssz.Bits;
import io.basalt.common.types.Slot;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.types.Attestation;
import io.basalt.consensus.types.AttestationData;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Attestations waiting for a block, grouped by the root of their {@link AttestationData}.
 *
 * <p>Aggregation: an incoming attestation is merged into the first held aggregate of the same data
 * whose aggregation bits are disjoint from its own (bits OR-ed, signatures added with {@link
 * Bls#aggregate}); when every held aggregate overlaps it, it is kept as a separate aggregate
 * (signatures cannot be subtracted, so overlapping aggregates cannot be merged). One whose bits are
 * all covered by a held aggregate is dropped as known. Signatures are not verified here: callers
 * add only attestations that passed gossip or API validation.
 *
 * <p>Bounds: only attestations of the last {@code slotWindow} slots are kept ({@link #prune} drops
 * older ones, which can no longer be included), and at most {@code maxAttestations} aggregates in
 * all; past that, the aggregates of the oldest slot are dropped first and counted in {@link
 * #droppedCount()}.
 *
 * <p>Thread-safe: every method synchronizes on the pool.
 */
public final class AttestationPool {

  private final SpecConfig config;
  private final int slotWindow;
  private final int maxAttestations;
  private final AttestationPacker packer;
  // slot -> data root -> aggregates of that data; slots ordered so the oldest goes first.
  private final TreeMap<Slot, Map<Bytes32, List<Attestation>>> bySlot = new TreeMap<>();
  private Slot currentSlot = Slot.ZERO;
  private int size;
  private long dropped;

  /**
   * @param slotWindow how many slots back an attestation is kept; at least {@code SLOTS_PER_EPOCH}
   *     so that everything still includable is kept
   * @param maxAttestations the most aggregates held in all
   */
  public AttestationPool(
      SpecConfig config, AttestationPacker packer, int slotWindow, int maxAttestations) {
    if (slotWindow < 1 || maxAttestations < 1) {
      throw new IllegalArgumentException("slot window and maximum must be positive");
    }
    this.config = config;
    this.packer = packer;
    this.slotWindow = slotWindow;
    this.maxAttestations = maxAttestations;
  }

  /** A pool keeping two epochs of attestations, at most {@code maxAttestations} of them. */
  public static AttestationPool create(
      SpecConfig config, AttestationPacker packer, int maxAttestations) {
    return new AttestationPool(config, packer, 2 * config.slotsPerEpoch(), maxAttestations);
  }

  /** Adds a validated attestation, aggregating it with compatible ones. */
  public synchronized PoolAddResult add(Attestation attestation) {
    AttestationData data = attestation.data();
    if (isTooOld(data.slot())) {
      return PoolAddResult.TOO_OLD;
    }
    if (attestation.aggregationBits().bitCount() == 0) {
      return PoolAddResult.INVALID;
    }
    BlsSignature signature;
    try {
      signature = BlsSignature.fromBytes(attestation.signature());
    } catch (BlsException e) {
      return PoolAddResult.INVALID;
    }
    List<Attestation> aggregates =
        bySlot
            .computeIfAbsent(data.slot(), s -> new LinkedHashMap<>())
            .computeIfAbsent(data.hashTreeRoot(), r -> new ArrayList<>());
    Bits bits = attestation.aggregationBits();
    for (Attestation held : aggregates) {
      if (held.aggregationBits().size() == bits.size() && covers(held.aggregationBits(), bits)) {
        return PoolAddResult.ALREADY_KNOWN;
      }
    }
    for (int i = 0; i < aggregates.size(); i++) {
      Attestation held = aggregates.get(i);
      if (held.aggregationBits().size() == bits.size() && disjoint(held.aggregationBits(), bits)) {
        BlsSignature sum;
        try {
          sum = Bls.aggregate(List.of(BlsSignature.fromBytes(held.signature()), signature));
        } catch (BlsException e) {
          return PoolAddResult.INVALID;
        }
        aggregates.set(i, new Attestation(or(held.aggregationBits(), bits), data, sum.toBytes()));
        return PoolAddResult.AGGREGATED;
      }
    }
    aggregates.add(attestation);
    size++;
    enforceCountBound();
    return PoolAddResult.ADDED;
  }

  /**
   * Moves the pool's clock and drops every attestation older than the window; they can no longer be
   * included in a block.
   */
  public synchronized void prune(Slot slot) {
    if (slot.isAfter(currentSlot)) {
      currentSlot = slot;
    }
    while (!bySlot.isEmpty() && isTooOld(bySlot.firstKey())) {
      removeSlot(bySlot.firstKey());
    }
  }

  /**
   * The attestations to pack into a block built on {@code state} (a state already at the block's
   * slot): only those valid for inclusion there, at most {@code maxAttestations}, chosen to cover
   * as many validators not yet counted in the state's participation as possible. See {@link
   * AttestationPacker}.
   */
  public List<Attestation> getAttestationsForBlock(BeaconState state, int maxAttestations) {
    List<Attestation> all;
    synchronized (this) {
      all = new ArrayList<>(size);
      for (Map<Bytes32, List<Attestation>> byData : bySlot.values()) {
        byData.values().forEach(all::addAll);
      }
    }
    return packer.pack(state, all, Math.min(maxAttestations, config.maxAttestations()));
  }

  /** The aggregates held for {@code data}, for tests and the API. */
  public synchronized List<Attestation> aggregatesFor(AttestationData data) {
    Map<Bytes32, List<Attestation>> byData = bySlot.get(data.slot());
    if (byData == null) {
      return List.of();
    }
    return List.copyOf(byData.getOrDefault(data.hashTreeRoot(), List.of()));
  }

  /** Number of aggregates held. */
  public synchronized int size() {
    return size;
  }

  /** Number of aggregates dropped because the pool was full. */
  public synchronized long droppedCount() {
    return dropped;
  }

  private boolean isTooOld(Slot slot) {
    return slot.plus(slotWindow).isBefore(currentSlot);
  }

  private void enforceCountBound() {
    while (size > maxAttestations && !bySlot.isEmpty()) {
      Slot oldest = bySlot.firstKey();
      Map<Bytes32, List<Attestation>> byData = bySlot.get(oldest);
      Iterator<Map.Entry<Bytes32, List<Attestation>>> it = byData.entrySet().iterator();
      List<Attestation> first = it.next().getValue();
      first.remove(0);
      size--;
      dropped++;
      if (first.isEmpty()) {
        it.remove();
      }
      if (byData.isEmpty()) {
        bySlot.remove(oldest);
      }
    }
  }

  private void removeSlot(Slot slot) {
    Map<Bytes32, List<Attestation>> removed = bySlot.remove(slot);
    size -= removed.values().stream().mapToInt(List::size).sum();
  }

  static boolean covers(Bits outer, Bits inner) {
    byte[] a = outer.packed();
    byte[] b = inner.packed();
    for (int i = 0; i < a.length; i++) {
      if ((b[i] & ~a[i]) != 0) {
        return false;
      }
    }
    return true;
  }

  static boolean disjoint(Bits x, Bits y) {
    byte[] a = x.packed();
    byte[] b = y.packed();
    for (int i = 0; i < a.length; i++) {
      if ((a[i] & b[i]) != 0) {
        return false;
      }
    }
    return true;
  }

  static Bits or(Bits x, Bits y) {
    byte[] a = x.packed();
    byte[] b = y.packed();
    byte[] out = new byte[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (byte) (a[i] | b[i]);
    }
    return Bits.fromPacked(x.size(), out);
  }
}
