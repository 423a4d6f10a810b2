package io.basalt.common.crypto.bls;

import static io.basalt.common.crypto.bls.BlsVectorCases.bytes;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class AggregateVerifyVectorTest {

  @TestFactory
  Stream<DynamicTest> aggregateVerifyShouldMatchEveryVector() {
    return BlsVectorCases.booleanCases(
        "general/phase0/bls/aggregate_verify",
        input ->
            Bls.aggregateVerify(
                BlsVectorCases.publicKeys(input.get("pubkeys")),
                BlsVectorCases.byteList(input.get("messages")),
                BlsSignature.fromBytes(bytes(input.get("signature")))));
  }
}
