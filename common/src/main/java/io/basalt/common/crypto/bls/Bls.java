package io.basalt.common.crypto.bls;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes48;
import supranational.blst.BLST_ERROR;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.Pairing;
import supranational.blst.SecretKey;

/**
 * The Ethereum BLS signature scheme: ciphersuite {@code
 * BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_} (public keys in G1, signatures in G2,
 * proof-of-possession variant), as used by the consensus specs, plus the two {@code eth_} helpers
 * of altair.
 *
 * <p>Stateless: every method is a pure function of its arguments and safe to call from any number
 * of threads at once. Verification methods return {@code false} for any invalid input and never
 * throw; methods that must produce a value throw {@link BlsException} when they cannot.
 */
public final class Bls {

  /** Domain separation tag of signatures. */
  public static final String SIGNATURE_DST = "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_";

  /** Domain separation tag of proofs of possession. */
  public static final String POP_DST = "BLS_POP_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_";

  private static final byte[] NO_AUG = new byte[0];

  private Bls() {}

  /**
   * Derives a secret key from input keying material with the IETF KeyGen (HKDF-based, salt
   * "BLS-SIG-KEYGEN-SALT-"), as blst implements it.
   *
   * @throws IllegalArgumentException if the material is shorter than 32 bytes
   */
  public static BlsSecretKey keyGen(Bytes ikm) {
    if (ikm.size() < 32) {
      throw new IllegalArgumentException(
          "KeyGen needs at least 32 bytes of keying material, got " + ikm.size());
    }
    SecretKey key = new SecretKey();
    key.keygen(ikm.toArray());
    return BlsSecretKey.fromBlst(key);
  }

  // spec: Sign
  public static BlsSignature sign(BlsSecretKey secretKey, Bytes message) {
    return signWithDst(secretKey, message.toArrayUnsafe(), SIGNATURE_DST);
  }

  // spec: Verify
  public static boolean verify(BlsPublicKey publicKey, Bytes message, BlsSignature signature) {
    return coreVerify(publicKey, message.toArrayUnsafe(), signature, SIGNATURE_DST);
  }

  /**
   * Adds signatures; every input is subgroup-checked (once per signature object).
   *
   * @throws BlsException if the list is empty or a signature is outside the G2 subgroup
   */
  // spec: Aggregate
  public static BlsSignature aggregate(List<BlsSignature> signatures) {
    if (signatures.isEmpty()) {
      throw new BlsException("Cannot aggregate an empty list of signatures");
    }
    P2 sum = new P2();
    for (BlsSignature signature : signatures) {
      sum.add(signature.checkedPoint());
    }
    return BlsSignature.fromTrustedSum(sum);
  }

  /**
   * Adds already-validated public keys: plain point additions into one accumulator and a single
   * conversion to affine; no key is re-checked.
   *
   * @throws BlsException if the list is empty or the keys sum to the point at infinity
   */
  public static BlsPublicKey aggregatePublicKeys(List<BlsPublicKey> publicKeys) {
    if (publicKeys.isEmpty()) {
      throw new BlsException("Cannot aggregate an empty list of public keys");
    }
    return BlsPublicKey.fromTrustedSum(sum(publicKeys));
  }

  /**
   * Verifies one signature over (key, message) pairs; false on length mismatch or empty input.
   * Under the proof-of-possession scheme messages need not be distinct (rogue keys are excluded by
   * the proofs), so repeated messages are verified like any others.
   */
  // spec: AggregateVerify
  public static boolean aggregateVerify(
      List<BlsPublicKey> publicKeys, List<Bytes> messages, BlsSignature signature) {
    if (publicKeys.isEmpty() || publicKeys.size() != messages.size()) {
      return false;
    }
    Pairing pairing = new Pairing(true, SIGNATURE_DST);
    for (int i = 0; i < publicKeys.size(); i++) {
      // The signature goes in with the first pair only (blst checks its subgroup there); the
      // others carry the infinity point, which blst skips.
      BlsSignature carried = i == 0 ? signature : BlsSignature.INFINITY;
      BLST_ERROR result =
          pairing.aggregate(
              publicKeys.get(i).point(), carried.point(), messages.get(i).toArrayUnsafe());
      if (result != BLST_ERROR.BLST_SUCCESS) {
        return false;
      }
    }
    pairing.commit();
    return pairing.finalverify();
  }

  /** Verifies one signature of many keys over one message; false for an empty key list. */
  // spec: FastAggregateVerify
  public static boolean fastAggregateVerify(
      List<BlsPublicKey> publicKeys, Bytes message, BlsSignature signature) {
    if (publicKeys.isEmpty()) {
      return false;
    }
    if (publicKeys.size() == 1) {
      return verify(publicKeys.get(0), message, signature);
    }
    P1 sum = sum(publicKeys);
    if (sum.is_inf()) {
      return false;
    }
    return verifyAffine(sum.to_affine(), message.toArrayUnsafe(), signature, SIGNATURE_DST);
  }

  /**
   * The altair helper: validates every encoded key and returns the compressed sum, which may be the
   * point at infinity.
   *
   * @throws BlsException if the list is empty or any key is invalid
   */
  // spec: eth_aggregate_pubkeys
  public static Bytes48 ethAggregatePubkeys(List<Bytes> publicKeys) {
    if (publicKeys.isEmpty()) {
      throw new BlsException("Cannot aggregate an empty list of public keys");
    }
    P1 sum = new P1();
    for (Bytes encoded : publicKeys) {
      sum.add(BlsPublicKey.fromBytes(encoded).point());
    }
    return Bytes48.wrap(sum.compress());
  }

  /** As {@link #fastAggregateVerify}, except that no keys with the infinity signature is valid. */
  // spec: eth_fast_aggregate_verify
  public static boolean ethFastAggregateVerify(
      List<BlsPublicKey> publicKeys, Bytes message, BlsSignature signature) {
    if (publicKeys.isEmpty() && signature.equals(BlsSignature.INFINITY)) {
      return true;
    }
    return fastAggregateVerify(publicKeys, message, signature);
  }

  /** Signs the key's own compressed encoding under the proof-of-possession tag. */
  // spec: PopProve
  public static BlsSignature popProve(BlsSecretKey secretKey) {
    byte[] publicKey = secretKey.publicKey().toBytes().toArrayUnsafe();
    return signWithDst(secretKey, publicKey, POP_DST);
  }

  // spec: PopVerify
  public static boolean popVerify(BlsPublicKey publicKey, BlsSignature proof) {
    return coreVerify(publicKey, publicKey.toBytes().toArrayUnsafe(), proof, POP_DST);
  }

  /** Sum of cached affine keys into one projective accumulator. */
  static P1 sum(List<BlsPublicKey> publicKeys) {
    P1 sum = new P1();
    for (BlsPublicKey key : publicKeys) {
      sum.add(key.point()); // add mutates the accumulator in place
    }
    return sum;
  }

  private static BlsSignature signWithDst(BlsSecretKey secretKey, byte[] message, String dst) {
    P2 point = new P2().hash_to(message, dst, NO_AUG).sign_with(secretKey.blst());
    return BlsSignature.fromTrustedSum(point);
  }

  private static boolean coreVerify(
      BlsPublicKey publicKey, byte[] message, BlsSignature signature, String dst) {
    return verifyAffine(publicKey.point(), message, signature, dst);
  }

  /**
   * One pairing check {@code e(pk, H(m)) == e(g1, sig)}. blst's pairing aggregation checks the
   * signature's subgroup and rejects an infinite key, but does not re-check the key's subgroup, so
   * cached keys are used as they are.
   */
  static boolean verifyAffine(
      P1_Affine publicKey, byte[] message, BlsSignature signature, String dst) {
    Pairing pairing = new Pairing(true, dst);
    if (pairing.aggregate(publicKey, signature.point(), message) != BLST_ERROR.BLST_SUCCESS) {
      return false;
    }
    pairing.commit();
    return pairing.finalverify();
  }
}
