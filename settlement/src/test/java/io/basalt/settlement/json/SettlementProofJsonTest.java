package io.basalt.settlement.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.basalt.settlement.ProofFixture;
import io.basalt.settlement.proof.CommitmentProof;
import io.basalt.settlement.proof.FinalityProof;
import io.basalt.settlement.verify.SettlementVerifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Both proofs survive JSON text unchanged; malformed JSON is a typed error. */
class SettlementProofJsonTest {

  static ProofFixture f;
  static final ObjectMapper MAPPER = new ObjectMapper();

  @BeforeAll
  static void build() {
    f = new ProofFixture();
  }

  @Test
  void shouldRoundTripBothProofsThroughJsonText() throws Exception {
    FinalityProof finality = f.finality(i -> i != 5);
    String commitmentText = MAPPER.writeValueAsString(SettlementProofJson.toJson(f.commitment));
    String finalityText = MAPPER.writeValueAsString(SettlementProofJson.toJson(finality));

    CommitmentProof commitment =
        SettlementProofJson.commitmentProof(MAPPER.readTree(commitmentText));
    FinalityProof decoded = SettlementProofJson.finalityProof(MAPPER.readTree(finalityText));

    assertThat(commitment).isEqualTo(f.commitment);
    assertThat(decoded).isEqualTo(finality);
    assertThat(
            new SettlementVerifier(ProofFixture.CONFIG)
                .verify(f.trusted(), f.claim(), commitment, decoded)
                .isValid())
        .isTrue();
  }

  @Test
  void shouldWriteQuantitiesAndDataAsRpcHex() {
    ObjectNode json = SettlementProofJson.toJson(f.commitment);
    assertThat(json.get("rollupId").asText()).isEqualTo("0x3");
    assertThat(json.get("checkpoint").get("epoch").asText()).isEqualTo("0x2");
    assertThat(json.get("checkpoint").get("root").asText())
        .isEqualTo(f.checkpoint.root().toHexString());
    JsonNode att = SettlementProofJson.toJson(f.finality()).get("finalizing").get(0);
    // 16 committee members all set: two 0xff bytes and the delimiter byte.
    assertThat(att.get("aggregationBits").asText()).isEqualTo("0xffff01");
  }

  @Test
  void shouldRejectMalformedJsonWithATypedError() throws Exception {
    ObjectNode json = SettlementProofJson.toJson(f.commitment);
    json.remove("crosslinkBranch");
    assertThatThrownBy(() -> SettlementProofJson.commitmentProof(json))
        .isInstanceOf(ProofFormatException.class)
        .hasMessageContaining("crosslinkBranch");
    ObjectNode badHex = SettlementProofJson.toJson(f.commitment);
    ((ObjectNode) badHex.get("checkpoint")).put("root", "0x12");
    assertThatThrownBy(() -> SettlementProofJson.commitmentProof(badHex))
        .isInstanceOf(ProofFormatException.class)
        .hasMessageContaining("root");
    ObjectNode badQuantity = SettlementProofJson.toJson(f.commitment);
    badQuantity.put("batchIndex", "0x0005");
    assertThatThrownBy(() -> SettlementProofJson.commitmentProof(badQuantity))
        .isInstanceOf(ProofFormatException.class);
    ObjectNode finality = SettlementProofJson.toJson(f.finality());
    ((ObjectNode) finality.get("finalizing").get(0)).put("aggregationBits", "0xffff00");
    assertThatThrownBy(() -> SettlementProofJson.finalityProof(finality))
        .isInstanceOf(ProofFormatException.class)
        .hasMessageContaining("delimiter");
    assertThatThrownBy(() -> SettlementProofJson.finalityProof(MAPPER.readTree("[1]")))
        .isInstanceOf(ProofFormatException.class);
  }
}
