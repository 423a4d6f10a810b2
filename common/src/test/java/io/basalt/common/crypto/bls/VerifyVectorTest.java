package io.basalt.common.crypto.bls;

import static io.basalt.common.crypto.bls.BlsVectorCases.bytes;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class VerifyVectorTest {

  @TestFactory
  Stream<DynamicTest> verifyShouldMatchEveryVector() {
    return BlsVectorCases.booleanCases(
        "general/phase0/bls/verify",
        input ->
            Bls.verify(
                BlsPublicKey.fromBytes(bytes(input.get("pubkey"))),
                bytes(input.get("message")),
                BlsSignature.fromBytes(bytes(input.get("signature")))));
  }
}
