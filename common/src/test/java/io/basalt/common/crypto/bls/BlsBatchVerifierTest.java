package io.basalt.common.crypto.bls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BlsBatchVerifierTest {

  private final List<BlsSecretKey> secretKeys = BlsTestKeys.secretKeys(20);
  private final BlsBatchVerifier verifier =
      new BlsBatchVerifier(new SplittableRandom(42), Runnable::run, 1);
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  private List<BlsSignatureSet> validSets(int count) {
    List<BlsSignatureSet> sets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      BlsSecretKey key = secretKeys.get(i);
      sets.add(
          BlsSignatureSet.single(
              key.publicKey(), BlsTestKeys.message(i), Bls.sign(key, BlsTestKeys.message(i))));
    }
    return sets;
  }

  /** Set {@code index} gets the signature of another message. */
  private static List<BlsSignatureSet> withBadSet(List<BlsSignatureSet> sets, int index) {
    List<BlsSignatureSet> copy = new ArrayList<>(sets);
    BlsSignatureSet bad = copy.get(index);
    copy.set(
        index,
        BlsSignatureSet.single(
            bad.publicKeys().get(0),
            BlsTestKeys.message(100),
            copy.get((index + 1) % copy.size()).signature()));
    return copy;
  }

  @Test
  void validBatchShouldPass() {
    assertThat(verifier.verify(validSets(16))).isTrue();
    assertThat(verifier.verifyWithFallback(validSets(16)).invalidIndices()).isEmpty();
  }

  @Test
  void batchWithOneBadSetShouldFailAndFallbackShouldNameIt() {
    List<BlsSignatureSet> sets = withBadSet(validSets(16), 11);

    assertThat(verifier.verify(sets)).isFalse();
    BatchVerificationResult result = verifier.verifyWithFallback(sets);
    assertThat(result.allValid()).isFalse();
    assertThat(result.invalidIndices()).containsExactly(11);
    assertThat(result.perSet()).hasSize(16);
  }

  @Test
  void swappedSignaturesThatCancelInASumShouldStillFail() {
    // Each signature is moved to the other set: the plain sum of pairings would still balance,
    // only the random scalars catch it.
    List<BlsSignatureSet> sets = new ArrayList<>(validSets(2));
    BlsSignatureSet a = sets.get(0);
    BlsSignatureSet b = sets.get(1);
    sets.set(0, new BlsSignatureSet(a.publicKeys(), a.message(), b.signature()));
    sets.set(1, new BlsSignatureSet(b.publicKeys(), b.message(), a.signature()));

    assertThat(verifier.verify(sets)).isFalse();
    assertThat(verifier.verifyWithFallback(sets).invalidIndices()).containsExactly(0, 1);
  }

  @Test
  void singleSetShouldBehaveAsPlainVerify() {
    assertThat(verifier.verify(validSets(1))).isTrue();
    assertThat(verifier.verify(withBadSet(validSets(2), 0).subList(0, 1))).isFalse();
  }

  @Test
  void emptyBatchShouldNotPass() {
    assertThat(verifier.verify(List.of())).isFalse();
    assertThat(verifier.verifyWithFallback(List.of()).allValid()).isFalse();
    assertThat(BlsSignatureVerifier.simple().verify(List.of())).isFalse();
  }

  @Test
  void aggregateSetsShouldBatchWithSingleOnes() {
    List<BlsSignatureSet> sets = new ArrayList<>(validSets(4));
    List<BlsSecretKey> signers = secretKeys.subList(5, 12);
    sets.add(
        BlsSignatureSet.aggregate(
            signers.stream().map(BlsSecretKey::publicKey).toList(),
            BlsTestKeys.message(50),
            Bls.aggregate(
                signers.stream().map(k -> Bls.sign(k, BlsTestKeys.message(50))).toList())));

    assertThat(verifier.verify(sets)).isTrue();
    assertThat(BlsSignatureVerifier.simple().verify(sets)).isTrue();
  }

  @Test
  void offSubgroupSignatureShouldFailTheBatch() {
    List<BlsSignatureSet> sets = new ArrayList<>(validSets(3));
    BlsSignatureSet first = sets.get(0);
    sets.set(
        0,
        new BlsSignatureSet(
            first.publicKeys(),
            first.message(),
            BlsSignature.fromBytes(BlsTestKeys.offSubgroupEncoding(96, 3))));

    assertThat(verifier.verifyWithFallback(sets).invalidIndices()).containsExactly(0);
  }

  @Test
  void splitBatchOnAPoolShouldAgreeWithOneContext() {
    BlsBatchVerifier parallel = new BlsBatchVerifier(new SplittableRandom(7), pool, 2);

    assertThat(parallel.verify(validSets(20))).isTrue();
    assertThat(parallel.verify(withBadSet(validSets(20), 17))).isFalse();
    assertThat(parallel.verify(withBadSet(validSets(20), 2))).isFalse();
  }

  @Test
  void verifiersShouldShareOneInterface() {
    List<BlsSignatureSet> bad = withBadSet(validSets(3), 1);

    assertThat(BlsSignatureVerifier.simple().verify(bad)).isFalse();
    assertThat(verifier.verify(bad)).isFalse();
    assertThat(BlsSignatureVerifier.noOp().verify(bad)).isTrue();
    assertThat(BlsSignatureVerifier.simple().verify(validSets(3).get(2))).isTrue();
  }
}
