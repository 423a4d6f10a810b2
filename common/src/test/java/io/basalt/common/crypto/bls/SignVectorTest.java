package io.basalt.common.crypto.bls;

import static io.basalt.common.crypto.bls.BlsVectorCases.bytes;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class SignVectorTest {

  @TestFactory
  Stream<DynamicTest> signShouldMatchEveryVector() {
    return BlsVectorCases.valueCases(
        "general/phase0/bls/sign",
        input ->
            Bls.sign(
                    BlsSecretKey.fromBytes(bytes(input.get("privkey"))),
                    bytes(input.get("message")))
                .toBytes());
  }
}
