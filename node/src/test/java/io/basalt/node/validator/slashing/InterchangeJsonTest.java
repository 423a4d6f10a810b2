package io.basalt.node.validator.slashing;

import static io.basalt.node.validator.slashing.SlashingFixtures.EIP_GENESIS_ROOT;
import static io.basalt.node.validator.slashing.SlashingFixtures.EIP_VALIDATOR;
import static io.basalt.node.validator.slashing.SlashingFixtures.resource;
import static io.basalt.node.validator.slashing.SlashingFixtures.root;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.types.ShardId;
import io.basalt.common.types.UInt64;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class InterchangeJsonTest {

  @Test
  void shouldReadTheCompleteExampleOfEip3076() {
    Interchange interchange = InterchangeJson.parse(resource("eip3076-complete.json"));
    assertThat(interchange.metadata()).isEqualTo(new InterchangeMetadata(5, EIP_GENESIS_ROOT));
    assertThat(interchange.data()).hasSize(1);
    InterchangeData data = interchange.data().get(0);
    assertThat(data.pubkey()).isEqualTo(EIP_VALIDATOR.toBytes());
    assertThat(data.signedBlocks())
        .containsExactly(
            new InterchangeBlock(
                UInt64.valueOf(81952),
                Optional.of(
                    Bytes32.fromHexString(
                        "0x4ff6f743a43f3b4f95350831aeaf0a122a1a392922c45d804280284a69eb850b"))),
            new InterchangeBlock(UInt64.valueOf(81951), Optional.empty()));
    assertThat(data.signedAttestations())
        .extracting(InterchangeAttestation::targetEpoch, a -> a.signingRoot().isPresent())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(UInt64.valueOf(3007), true),
            org.assertj.core.groups.Tuple.tuple(UInt64.valueOf(3008), false));
    assertThat(data.signedShardBlocks()).isEmpty();
  }

  @Test
  void shouldReadTheMinimalExampleAndAnotherClientsExport() {
    Interchange minimal = InterchangeJson.parse(resource("eip3076-minimal.json"));
    assertThat(minimal.data().get(0).signedBlocks())
        .containsExactly(new InterchangeBlock(UInt64.valueOf(81952), Optional.empty()));
    Interchange other = InterchangeJson.parse(resource("other-client-export.json"));
    assertThat(other.data()).hasSize(2);
    assertThat(other.data().get(1).signedBlocks()).isEmpty();
    assertThat(other.data().get(1).signedAttestations())
        .containsExactly(
            new InterchangeAttestation(UInt64.valueOf(100), UInt64.valueOf(101), Optional.empty()));
  }

  @Test
  void shouldAcceptPlainJsonNumbersAndIgnoreUnknownFields() {
    Interchange interchange =
        InterchangeJson.parse(
            """
            {"metadata": {"interchange_format_version": 5, "genesis_validators_root": "%s",
              "comment": "from a script"},
             "data": [{"pubkey": "%s", "signed_blocks": [{"slot": 12}]}]}
            """
                .formatted(EIP_GENESIS_ROOT.toHexString(), EIP_VALIDATOR.toBytes().toHexString()));
    assertThat(interchange.metadata().interchangeFormatVersion()).isEqualTo(5);
    assertThat(interchange.data().get(0).signedBlocks().get(0).slot())
        .isEqualTo(UInt64.valueOf(12));
    assertThat(interchange.data().get(0).signedAttestations()).isEmpty();
  }

  @Test
  void writingThenReadingShouldGiveTheSameInterchange() {
    Interchange interchange =
        new Interchange(
            new InterchangeMetadata(5, EIP_GENESIS_ROOT),
            List.of(
                new InterchangeData(
                    EIP_VALIDATOR.toBytes(),
                    List.of(
                        new InterchangeBlock(UInt64.valueOf(1), Optional.of(root(1))),
                        new InterchangeBlock(UInt64.MAX_VALUE, Optional.empty())),
                    List.of(
                        new InterchangeAttestation(
                            UInt64.valueOf(1), UInt64.valueOf(2), Optional.of(root(2)))),
                    List.of(
                        new InterchangeShardBlock(
                            ShardId.of(3), UInt64.valueOf(4), Optional.of(root(4)))))));
    String json = InterchangeJson.toJson(interchange);
    assertThat(json)
        .contains("\"interchange_format_version\" : \"5\"")
        .contains("\"slot\" : \"18446744073709551615\"")
        .contains("\"signed_shard_blocks\"");
    assertThat(InterchangeJson.parse(json)).isEqualTo(interchange);
  }

  @Test
  void shouldOmitShardBlocksWhenThereAreNone() {
    Interchange interchange =
        new Interchange(
            new InterchangeMetadata(5, EIP_GENESIS_ROOT),
            List.of(new InterchangeData(EIP_VALIDATOR.toBytes(), List.of(), List.of(), List.of())));
    assertThat(InterchangeJson.toJson(interchange)).doesNotContain("shard");
  }

  @Test
  void shouldRefuseMalformedJsonWithAClearError() {
    assertThatThrownBy(() -> InterchangeJson.parse("{\"metadata\": {"))
        .isInstanceOf(InterchangeException.class)
        .hasMessageStartingWith("The interchange file is not valid JSON: ");
    assertThatThrownBy(() -> InterchangeJson.parse("[1, 2]"))
        .isInstanceOf(InterchangeException.class)
        .hasMessage("The interchange file must hold a JSON object");
    assertThatThrownBy(() -> InterchangeJson.parse("")).isInstanceOf(InterchangeException.class);
    assertThatThrownBy(() -> InterchangeJson.parse("{\"a\": 1, \"a\": 2}"))
        .isInstanceOf(InterchangeException.class)
        .hasMessageContaining("Duplicate field");
  }

  @Test
  void shouldNameThePathOfAnInvalidField() {
    String root = EIP_GENESIS_ROOT.toHexString();
    String key = EIP_VALIDATOR.toBytes().toHexString();
    assertError("{\"data\": []}", "Invalid interchange file at metadata: the field is missing");
    assertError(
        "{\"metadata\": {\"interchange_format_version\": \"5\"}, \"data\": []}",
        "Invalid interchange file at metadata.genesis_validators_root: the field is missing");
    assertError(
        "{\"metadata\": {\"interchange_format_version\": \"5\", \"genesis_validators_root\": \"0x12\"},"
            + " \"data\": []}",
        "Invalid interchange file at metadata.genesis_validators_root: expected 32 bytes as"
            + " 0x-prefixed hex, got \"0x12\"");
    String metadata =
        "{\"metadata\": {\"interchange_format_version\": \"5\", \"genesis_validators_root\": \""
            + root
            + "\"}, ";
    assertError(metadata + "\"data\": {}}", "Invalid interchange file at data: expected an array");
    assertError(
        metadata + "\"data\": [1]}", "Invalid interchange file at data[0]: expected an object");
    assertError(
        metadata + "\"data\": [{\"pubkey\": \"0xzz\"}]}",
        "Invalid interchange file at data[0].pubkey: expected 48 bytes as 0x-prefixed hex, got"
            + " \"0xzz\"");
    assertError(
        metadata
            + "\"data\": [{\"pubkey\": \""
            + key
            + "\", \"signed_blocks\": [{\"slot\": \"-1\"}]}]}",
        "Invalid interchange file at data[0].signed_blocks[0].slot: expected a decimal number as a"
            + " string, got \"-1\"");
    assertError(
        metadata
            + "\"data\": [{\"pubkey\": \""
            + key
            + "\", \"signed_attestations\": [{\"source_epoch\": \"1\","
            + " \"target_epoch\": \"18446744073709551616\"}]}]}",
        "Invalid interchange file at data[0].signed_attestations[0].target_epoch:"
            + " \"18446744073709551616\" is not an unsigned 64-bit number");
    assertError(
        metadata
            + "\"data\": [{\"pubkey\": \""
            + key
            + "\", \"signed_attestations\": [{\"source_epoch\": \"1\"}]}]}",
        "Invalid interchange file at data[0].signed_attestations[0].target_epoch: the field is"
            + " missing");
  }

  private static void assertError(String json, String message) {
    assertThatThrownBy(() -> InterchangeJson.parse(json))
        .isInstanceOf(InterchangeException.class)
        .hasMessage(message);
  }
}
