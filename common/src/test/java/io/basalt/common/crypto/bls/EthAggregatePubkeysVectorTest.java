package io.basalt.common.crypto.bls;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class EthAggregatePubkeysVectorTest {

  @TestFactory
  Stream<DynamicTest> ethAggregatePubkeysShouldMatchEveryVector() {
    return BlsVectorCases.valueCases(
        "general/altair/bls/eth_aggregate_pubkeys",
        input -> Bls.ethAggregatePubkeys(BlsVectorCases.byteList(input)));
  }
}
