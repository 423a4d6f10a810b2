package io.basalt.common.crypto.bls;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class AggregateVectorTest {

  @TestFactory
  Stream<DynamicTest> aggregateShouldMatchEveryVector() {
    return BlsVectorCases.valueCases(
        "general/phase0/bls/aggregate",
        input ->
            Bls.aggregate(
                    BlsVectorCases.byteList(input).stream().map(BlsSignature::fromBytes).toList())
                .toBytes());
  }
}
