package io.basalt.beacon.transition.signatures;

import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.Validator;
import io.basalt.common.crypto.bls.BlsPublicKey;
import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import java.util.Arrays;

/**
 * Decompressed, validated public keys of validators by registry index, so that a key is
 * decompressed and subgroup-checked once and aggregating a committee costs only point additions.
 * One per chain, shared by block processing and gossip validation; thread-safe: reads take no lock,
 * writes are serialized.
 *
 * <p>Why an index-keyed cache is right on every fork: only validators whose activation is scheduled
 * are cached. Activation needs the validator's eligibility epoch to be finalized, so the deposit
 * that created index {@code i} is in the finalized history that every fork of this node's chain
 * shares, and index {@code i} holds the same key in all of them. Keys of validators not yet
 * scheduled for activation (a fresh deposit, which could differ between forks) are read from the
 * state each time and never cached. Every signer a block can name (proposer, attester, exiting or
 * slashed validator, shard proposer) must be active, so the cached path is the one that matters.
 */
public final class PubkeyCache {

  private volatile BlsPublicKey[] keys = new BlsPublicKey[0];

  /**
   * The key of validator {@code index} of {@code state}.
   *
   * @throws IllegalArgumentException if the index is outside the registry
   * @throws io.basalt.common.crypto.bls.InvalidBlsEncodingException if the registry holds an
   *     invalid key (impossible for keys admitted with a proof of possession)
   */
  public BlsPublicKey get(BeaconState state, ValidatorIndex index) {
    long size = state.validators().size();
    if (!index.value().isLessThan(UInt64.valueOf(size))) {
      throw new IllegalArgumentException(
          "Validator " + index + " is not in the registry of " + size);
    }
    int i = index.intValue();
    BlsPublicKey[] current = keys;
    if (i < current.length && current[i] != null) {
      return current[i];
    }
    Validator validator = state.validators().get(i);
    BlsPublicKey key = BlsPublicKey.fromBytes(validator.pubkey());
    if (!validator.activationEpoch().equals(Validator.FAR_FUTURE_EPOCH)) {
      put(i, key);
    }
    return key;
  }

  private synchronized void put(int index, BlsPublicKey key) {
    BlsPublicKey[] current = keys;
    if (index >= current.length) {
      current = Arrays.copyOf(current, Math.max(index + 1, current.length * 2));
    }
    // In place: a racing reader sees null (and reads the state) or the key, whose fields are
    // final, so it is safely published either way.
    current[index] = key;
    keys = current;
  }

  /** How many keys are cached. */
  public int size() {
    int count = 0;
    for (BlsPublicKey key : keys) {
      count += key == null ? 0 : 1;
    }
    return count;
  }
}
