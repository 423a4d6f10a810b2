package io.basalt.common.crypto.bls;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;
import supranational.blst.BLST_ERROR;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.Pairing;

/**
 * Verifies many signature sets at once with random 64-bit scalars: each set {@code i} adds {@code
 * r_i}-weighted terms to one pairing accumulator, and one final exponentiation checks them all. A
 * forged set passes only if the scalars happen to cancel it, with probability about 2^-64 per
 * batch; the scalars come from a cryptographically secure source.
 *
 * <p>Large batches can be split across an executor: each part accumulates into its own pairing
 * context and the parts are merged before the single final check.
 *
 * <p>Thread-safe as long as the random source is (a {@link SecureRandom} is); the scalars of one
 * call are drawn on the calling thread.
 */
public final class BlsBatchVerifier implements BlsSignatureVerifier {

  /** Below this many sets per part, handing work to another thread costs more than it saves. */
  private static final int MIN_SETS_PER_PART = 8;

  private final RandomGenerator random;
  private final Executor executor;
  private final int parallelism;

  /** A verifier that runs on the calling thread with a fresh {@link SecureRandom}. */
  public BlsBatchVerifier() {
    this(new SecureRandom(), Runnable::run, 1);
  }

  /**
   * @param random source of the batch scalars; must be unpredictable outside tests
   * @param executor runs the extra parts of a split batch (the caller runs the first part)
   * @param parallelism the most parts a batch is split into; 1 never splits
   */
  public BlsBatchVerifier(RandomGenerator random, Executor executor, int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
    }
    this.random = Objects.requireNonNull(random, "random");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.parallelism = parallelism;
  }

  /**
   * True only if every set is valid; false for an empty list. A single set is checked with plain
   * verification, without a scalar.
   */
  @Override
  public boolean verify(List<BlsSignatureSet> sets) {
    if (sets.isEmpty()) {
      return false;
    }
    if (sets.size() == 1) {
      return sets.get(0).verify();
    }
    BigInteger[] scalars = new BigInteger[sets.size()];
    for (int i = 0; i < scalars.length; i++) {
      scalars[i] = nonZeroScalar();
    }
    int parts = Math.max(1, Math.min(parallelism, sets.size() / MIN_SETS_PER_PART));
    if (parts == 1) {
      Pairing pairing = accumulate(sets, scalars, 0, sets.size());
      return pairing != null && pairing.finalverify();
    }
    return verifyInParts(sets, scalars, parts);
  }

  /**
   * Checks the batch, and when it fails checks every set alone so the caller learns which ones are
   * bad. An empty list gives a failed result with no entries.
   */
  public BatchVerificationResult verifyWithFallback(List<BlsSignatureSet> sets) {
    if (sets.isEmpty()) {
      return new BatchVerificationResult(false, List.of());
    }
    if (verify(sets)) {
      return new BatchVerificationResult(true, Collections.nCopies(sets.size(), true));
    }
    List<Boolean> perSet = new ArrayList<>(sets.size());
    for (BlsSignatureSet set : sets) {
      perSet.add(set.verify());
    }
    return new BatchVerificationResult(false, perSet);
  }

  private boolean verifyInParts(List<BlsSignatureSet> sets, BigInteger[] scalars, int parts) {
    int size = sets.size();
    List<CompletableFuture<Pairing>> others = new ArrayList<>(parts - 1);
    for (int part = 1; part < parts; part++) {
      int from = size * part / parts;
      int to = size * (part + 1) / parts;
      others.add(
          CompletableFuture.supplyAsync(() -> accumulate(sets, scalars, from, to), executor));
    }
    Pairing first = accumulate(sets, scalars, 0, size / parts);
    boolean ok = first != null;
    for (CompletableFuture<Pairing> other : others) {
      Pairing pairing = other.join(); // always join, so no part outlives the call
      ok = ok && pairing != null && first.merge(pairing) == BLST_ERROR.BLST_SUCCESS;
    }
    return ok && first.finalverify();
  }

  /**
   * Adds sets {@code [from, to)} to a new pairing context and commits it; null if any set is
   * malformed (signature outside G2, keys summing to infinity).
   */
  private static Pairing accumulate(
      List<BlsSignatureSet> sets, BigInteger[] scalars, int from, int to) {
    Pairing pairing = new Pairing(true, Bls.SIGNATURE_DST);
    for (int i = from; i < to; i++) {
      BlsSignatureSet set = sets.get(i);
      P1_Affine publicKey = publicKeyOf(set);
      if (publicKey == null) {
        return null;
      }
      BLST_ERROR result =
          pairing.mul_n_aggregate(
              publicKey, set.signature().point(), scalars[i], set.message().toArrayUnsafe());
      if (result != BLST_ERROR.BLST_SUCCESS) {
        return null;
      }
    }
    pairing.commit();
    return pairing;
  }

  private static P1_Affine publicKeyOf(BlsSignatureSet set) {
    if (set.publicKeys().size() == 1) {
      return set.publicKeys().get(0).point();
    }
    P1 sum = Bls.sum(set.publicKeys());
    return sum.is_inf() ? null : sum.to_affine();
  }

  private BigInteger nonZeroScalar() {
    long value;
    do {
      value = random.nextLong();
    } while (value == 0);
    // Unsigned: the full 64 bits are random.
    return new BigInteger(Long.toUnsignedString(value));
  }
}
