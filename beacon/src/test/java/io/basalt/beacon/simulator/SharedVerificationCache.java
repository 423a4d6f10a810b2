package io.basalt.beacon.simulator;

import io.basalt.common.crypto.bls.BlsSignatureSet;
import io.basalt.common.crypto.bls.BlsSignatureVerifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signature sets already verified by some simulated node, shared by all of them: the simulator's
 * one trade of realism for speed. Every distinct set — same keys, message and signature — is still
 * verified with real BLS through the node's {@code BlsBatchVerifier} the first time any node meets
 * it; the other nodes, which would check exactly the same bytes, then skip the pairing. Only sets
 * that verified are remembered, so an invalid signature is refused by every node. In a real network
 * each node verifies every set itself; here that would multiply the run time by the node count
 * without testing anything more. Bounded (LRU); single-threaded.
 */
final class SharedVerificationCache {

  private final Map<BlsSignatureSet, Boolean> verified;

  SharedVerificationCache(int capacity) {
    this.verified =
        new LinkedHashMap<>(1024, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<BlsSignatureSet, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  /** {@code delegate} in front of this cache. */
  BlsSignatureVerifier wrap(BlsSignatureVerifier delegate) {
    return sets -> {
      List<BlsSignatureSet> unknown = new ArrayList<>(sets.size());
      for (BlsSignatureSet set : sets) {
        if (verified.get(set) == null) {
          unknown.add(set);
        }
      }
      if (unknown.isEmpty()) {
        return true;
      }
      if (!delegate.verify(unknown)) {
        return false;
      }
      unknown.forEach(set -> verified.put(set, Boolean.TRUE));
      return true;
    };
  }

  int size() {
    return verified.size();
  }
}
