package io.basalt.node.validator.duties;

import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.node.validator.keys.ValidatorKey;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes48;

/**
 * Our keys and their registry indices. A key whose deposit is not yet processed has no index; it
 * may get one later, so the registry is searched again once per epoch. Not thread-safe: used on the
 * slot timer's thread only.
 */
public final class OwnedValidators {

  private final Map<Bytes48, ValidatorKey> byPubkey = new HashMap<>();
  private Map<ValidatorIndex, ValidatorKey> byIndex = Map.of();
  private Epoch resolvedAt;

  public OwnedValidators(List<ValidatorKey> keys) {
    for (ValidatorKey key : keys) {
      if (byPubkey.put(key.publicKey().toBytes(), key) != null) {
        throw new IllegalArgumentException("Validator key given twice: " + key.publicKey());
      }
    }
  }

  /**
   * Looks our keys up in {@code state}'s registry unless already done for {@code epoch}. The whole
   * registry is read (not only new entries) because a reorg can change which deposit got which
   * index; once an epoch this is cheap next to the duties.
   */
  public void resolve(BeaconState state, Epoch epoch) {
    if (epoch.equals(resolvedAt)) {
      return;
    }
    Map<ValidatorIndex, ValidatorKey> found = new HashMap<>();
    long size = state.validators().size();
    for (long i = 0; i < size && found.size() < byPubkey.size(); i++) {
      ValidatorKey key = byPubkey.get(state.validators().get(i).pubkey());
      if (key != null) {
        found.put(ValidatorIndex.of(i), key);
      }
    }
    byIndex = Collections.unmodifiableMap(found);
    resolvedAt = epoch;
  }

  /** Our key at registry index {@code index}, if that validator is ours. */
  public Optional<ValidatorKey> key(ValidatorIndex index) {
    return Optional.ofNullable(byIndex.get(index));
  }

  /** The registry indices of our keys found at the last {@link #resolve}. */
  public Iterable<ValidatorIndex> indices() {
    return byIndex.keySet();
  }

  /** How many of our keys have a registry index. */
  public int resolvedCount() {
    return byIndex.size();
  }

  /** How many keys we hold. */
  public int keyCount() {
    return byPubkey.size();
  }
}
