package io.basalt.execution.settlement;

import io.basalt.common.crypto.bls.Bls;
import io.basalt.common.crypto.bls.BlsException;
import io.basalt.common.crypto.bls.BlsPublicKey;
import io.basalt.common.crypto.bls.BlsSignature;
import io.basalt.execution.settlement.SettlementStore.Member;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * BLS committee rules of the Settlement contract: what a new operator or challenger set must
 * satisfy, and when a bitmap plus aggregate signature is a quorum's. Each method returns the reason
 * for refusal, or empty.
 *
 * <p>Rogue-key defence: every key comes with a proof of possession ({@link Bls#popVerify}), so an
 * aggregate of signers' keys cannot be steered by a key chosen as a function of the others.
 *
 * <p>Signer bitmap: exactly {@code ceil(n / 8)} bytes, member {@code i} is bit {@code i % 8} (least
 * significant first) of byte {@code i / 8}; bits past {@code n} must be zero. A bitmap cannot name
 * a signer twice, and registered keys are distinct, so no weight counts twice.
 */
public final class Quorum {

  /** The largest committee, which bounds the work of one check. */
  public static final int MAX_MEMBERS = 128;

  public static final int PUBKEY_SIZE = 48;
  public static final int SIGNATURE_SIZE = 96;

  private Quorum() {}

  /**
   * Checks a new committee named {@code what} ("operator", "challenger"): 1 to {@link #MAX_MEMBERS}
   * distinct valid keys, one positive weight and one valid proof of possession per key, and a
   * threshold above half the total weight and at most the total.
   */
  public static Optional<String> validateNewSet(
      String what, WeightedKeys keys, List<Bytes> popSignatures) {
    int n = keys.size();
    if (n == 0 || n > MAX_MEMBERS) {
      return Optional.of(what + " set must have 1 to " + MAX_MEMBERS + " keys, got " + n);
    }
    if (keys.weights().size() != n) {
      return Optional.of(
          what + " set has " + n + " keys but " + keys.weights().size() + " weights");
    }
    if (popSignatures.size() != n) {
      return Optional.of(
          what + " set has " + n + " keys but " + popSignatures.size() + " proofs of possession");
    }
    Set<Bytes> seen = new HashSet<>();
    BigInteger total = BigInteger.ZERO;
    for (int i = 0; i < n; i++) {
      Bytes pubkey = keys.pubkeys().get(i);
      if (pubkey.size() != PUBKEY_SIZE) {
        return Optional.of(what + " key " + i + " must be " + PUBKEY_SIZE + " bytes");
      }
      if (!seen.add(pubkey)) {
        return Optional.of("duplicate " + what + " key at index " + i);
      }
      long weight = keys.weights().get(i);
      if (weight == 0) {
        return Optional.of(what + " weight " + i + " is zero");
      }
      total = total.add(Uint.of(weight));
      Optional<String> pop = checkPossession(what, i, pubkey, popSignatures.get(i));
      if (pop.isPresent()) {
        return pop;
      }
    }
    BigInteger threshold = Uint.of(keys.thresholdWeight());
    if (threshold.shiftLeft(1).compareTo(total) <= 0) {
      return Optional.of(
          what + " threshold " + threshold + " is not above half of the total weight " + total);
    }
    if (threshold.compareTo(total) > 0) {
      return Optional.of(what + " threshold " + threshold + " exceeds the total weight " + total);
    }
    return Optional.empty();
  }

  /**
   * Checks that the members named by {@code bitmap} reach {@code thresholdWeight} and that {@code
   * signature} is their aggregate signature over {@code digest}.
   */
  public static Optional<String> verify(
      String what,
      List<Member> members,
      long thresholdWeight,
      Bytes bitmap,
      Bytes signature,
      Bytes32 digest) {
    int n = members.size();
    int expected = (n + 7) / 8;
    if (bitmap.size() != expected) {
      return Optional.of(
          what + " bitmap is " + bitmap.size() + " bytes; " + n + " members need " + expected);
    }
    if (n % 8 != 0 && (bitmap.get(expected - 1) & 0xff) >>> (n % 8) != 0) {
      return Optional.of(what + " bitmap sets bits past the last member");
    }
    List<BlsPublicKey> signers = new ArrayList<>();
    BigInteger weight = BigInteger.ZERO;
    for (int i = 0; i < n; i++) {
      if ((bitmap.get(i / 8) >> (i % 8) & 1) != 0) {
        // Stored keys were validated on registration.
        signers.add(BlsPublicKey.fromBytes(members.get(i).pubkey()));
        weight = weight.add(Uint.of(members.get(i).weight()));
      }
    }
    if (signers.isEmpty()) {
      return Optional.of(what + " bitmap names no signer");
    }
    if (weight.compareTo(Uint.of(thresholdWeight)) < 0) {
      return Optional.of(
          what
              + " signers' weight "
              + weight
              + " is below the threshold "
              + Uint.of(thresholdWeight));
    }
    if (signature.size() != SIGNATURE_SIZE) {
      return Optional.of(what + " signature must be " + SIGNATURE_SIZE + " bytes");
    }
    BlsSignature aggregate;
    try {
      aggregate = BlsSignature.fromBytes(signature);
    } catch (BlsException e) {
      return Optional.of(what + " signature is not a valid BLS signature: " + e.getMessage());
    }
    if (!Bls.fastAggregateVerify(signers, digest, aggregate)) {
      return Optional.of(what + " aggregate signature does not verify");
    }
    return Optional.empty();
  }

  private static Optional<String> checkPossession(String what, int i, Bytes pubkey, Bytes pop) {
    try {
      BlsPublicKey key = BlsPublicKey.fromBytes(pubkey);
      if (pop.size() != SIGNATURE_SIZE || !Bls.popVerify(key, BlsSignature.fromBytes(pop))) {
        return Optional.of(what + " key " + i + " has an invalid proof of possession");
      }
      return Optional.empty();
    } catch (BlsException e) {
      return Optional.of(
          what + " key " + i + " is not a valid BLS key or proof: " + e.getMessage());
    }
  }
}
