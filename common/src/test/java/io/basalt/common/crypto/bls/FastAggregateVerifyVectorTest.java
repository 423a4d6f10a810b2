package io.basalt.common.crypto.bls;

import static io.basalt.common.crypto.bls.BlsVectorCases.bytes;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class FastAggregateVerifyVectorTest {

  @TestFactory
  Stream<DynamicTest> fastAggregateVerifyShouldMatchEveryVector() {
    return BlsVectorCases.booleanCases(
        "general/phase0/bls/fast_aggregate_verify",
        input ->
            Bls.fastAggregateVerify(
                BlsVectorCases.publicKeys(input.get("pubkeys")),
                bytes(input.get("message")),
                BlsSignature.fromBytes(bytes(input.get("signature")))));
  }
}
