package io.basalt.beacon.chain.imports;

import io.basalt.beacon.state.BeaconState;
import io.basalt.common.crypto.bls.BlsException;
import io.basalt.common.crypto.bls.BlsPublicKey;
import io.basalt.common.types.ValidatorIndex;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.tuweni.bytes.Bytes48;

/**
 * Validated BLS public keys of the registry, decompressed and subgroup-checked once per key (keyed
 * by the encoded key, so it is exact on every fork). Grows with the registry. Thread-safe.
 */
public final class PubkeyCache {

  private final Map<Bytes48, BlsPublicKey> keys = new ConcurrentHashMap<>();

  /**
   * The key of validator {@code index} in {@code state}; empty when the index is outside the
   * registry or the stored key is not a valid point.
   */
  public Optional<BlsPublicKey> get(BeaconState state, ValidatorIndex index) {
    long i = index.value().bits();
    if (i < 0 || i >= state.validators().size()) {
      return Optional.empty();
    }
    Bytes48 encoded = state.validators().get(i).pubkey();
    BlsPublicKey known = keys.get(encoded);
    if (known != null) {
      return Optional.of(known);
    }
    try {
      BlsPublicKey key = BlsPublicKey.fromBytes(encoded);
      keys.put(encoded, key);
      return Optional.of(key);
    } catch (BlsException e) {
      return Optional.empty();
    }
  }

  public int size() {
    return keys.size();
  }
}
