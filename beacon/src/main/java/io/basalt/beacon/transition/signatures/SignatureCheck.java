package io.basalt.beacon.transition.signatures;

import io.basalt.beacon.transition.BlockProcessingException;
import io.basalt.beacon.transition.InvalidBlockReason;
import io.basalt.common.crypto.bls.BlsSignatureSet;
import io.basalt.common.crypto.bls.BlsSignatureVerifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where block processing sends each signature set it builds: checked at once ({@link #immediate}),
 * or recorded with the reason its failure would carry and checked later as one batch ({@link
 * Deferred}). Processing code is the same either way.
 */
public interface SignatureCheck {

  /**
   * Checks (or records) {@code set}; a failure is a {@link BlockProcessingException} with {@code
   * reason} and {@code context}.
   */
  void check(BlsSignatureSet set, InvalidBlockReason reason, String context)
      throws BlockProcessingException;

  /** Verifies each set as it comes with {@code verifier}. */
  static SignatureCheck immediate(BlsSignatureVerifier verifier) {
    Objects.requireNonNull(verifier, "verifier");
    return (set, reason, context) -> {
      if (!verifier.verify(set)) {
        throw new BlockProcessingException(reason, context);
      }
    };
  }

  /** A set with the reason and context of its failure. */
  record ReasonedSet(BlsSignatureSet set, InvalidBlockReason reason, String context) {}

  /**
   * Records sets for one batch verification at the end of a block. Single-threaded: one per block.
   */
  final class Deferred implements SignatureCheck {
    private final List<ReasonedSet> sets = new ArrayList<>();

    @Override
    public void check(BlsSignatureSet set, InvalidBlockReason reason, String context) {
      sets.add(new ReasonedSet(set, reason, context));
    }

    public List<ReasonedSet> sets() {
      return List.copyOf(sets);
    }

    /**
     * Verifies every recorded set in one call to {@code verifier}. When the batch fails, the sets
     * are checked one by one in block order, so the exception names the first bad signature (an
     * invalid block costs a second pass; a valid one does not).
     */
    public void verifyAll(BlsSignatureVerifier verifier) throws BlockProcessingException {
      if (sets.isEmpty()) {
        return;
      }
      List<BlsSignatureSet> plain = new ArrayList<>(sets.size());
      for (ReasonedSet reasoned : sets) {
        plain.add(reasoned.set());
      }
      if (verifier.verify(plain)) {
        return;
      }
      for (ReasonedSet reasoned : sets) {
        if (!verifier.verify(reasoned.set())) {
          throw new BlockProcessingException(reasoned.reason(), reasoned.context());
        }
      }
      throw new BlockProcessingException(
          InvalidBlockReason.BLOCK_SIGNATURE_INVALID,
          "The block's signature batch failed although each of its "
              + sets.size()
              + " sets verified alone");
    }
  }
}
