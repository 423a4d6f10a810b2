package io.basalt.common.crypto.bls;

import static io.basalt.common.crypto.bls.BlsVectorCases.bytes;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class EthFastAggregateVerifyVectorTest {

  @TestFactory
  Stream<DynamicTest> ethFastAggregateVerifyShouldMatchEveryVector() {
    return BlsVectorCases.booleanCases(
        "general/altair/bls/eth_fast_aggregate_verify",
        input ->
            Bls.ethFastAggregateVerify(
                BlsVectorCases.publicKeys(input.get("pubkeys")),
                bytes(input.get("message")),
                BlsSignature.fromBytes(bytes(input.get("signature")))));
  }
}
