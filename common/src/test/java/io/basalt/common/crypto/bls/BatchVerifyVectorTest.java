package io.basalt.common.crypto.bls;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the batch vectors through the random-scalar batch verifier, and checks that the fallback
 * agrees set by set (a valid batch has no bad set; an invalid one names at least one).
 */
class BatchVerifyVectorTest {

  private final BlsBatchVerifier verifier = new BlsBatchVerifier();

  @TestFactory
  Stream<DynamicTest> batchVerifyShouldMatchEveryVector() {
    return BlsVectorCases.booleanCases(
        "general/bls_batch_verify",
        input -> {
          List<BlsPublicKey> keys = BlsVectorCases.publicKeys(input.get("pubkeys"));
          List<Bytes> messages = BlsVectorCases.byteList(input.get("messages"));
          List<Bytes> signatures = BlsVectorCases.byteList(input.get("signatures"));
          List<BlsSignatureSet> sets = new ArrayList<>();
          for (int i = 0; i < keys.size(); i++) {
            sets.add(
                BlsSignatureSet.single(
                    keys.get(i), messages.get(i), BlsSignature.fromBytes(signatures.get(i))));
          }
          boolean batched = verifier.verify(sets);
          BatchVerificationResult result = verifier.verifyWithFallback(sets);
          assertThat(result.allValid()).isEqualTo(batched);
          assertThat(result.invalidIndices().isEmpty()).isEqualTo(batched);
          // A two-part parallel split must agree with the single-context run.
          BlsBatchVerifier split = new BlsBatchVerifier(new SecureRandom(), Runnable::run, 2);
          assertThat(split.verify(sets)).isEqualTo(batched);
          return batched;
        });
  }
}
