package io.basalt.node.validator.slashing;

import static io.basalt.node.validator.slashing.SlashingFixtures.ALICE;
import static io.basalt.node.validator.slashing.SlashingFixtures.BOB;
import static io.basalt.node.validator.slashing.SlashingFixtures.EIP_GENESIS_ROOT;
import static io.basalt.node.validator.slashing.SlashingFixtures.EIP_VALIDATOR;
import static io.basalt.node.validator.slashing.SlashingFixtures.GENESIS_ROOT;
import static io.basalt.node.validator.slashing.SlashingFixtures.attest;
import static io.basalt.node.validator.slashing.SlashingFixtures.block;
import static io.basalt.node.validator.slashing.SlashingFixtures.reason;
import static io.basalt.node.validator.slashing.SlashingFixtures.resource;
import static io.basalt.node.validator.slashing.SlashingFixtures.root;
import static io.basalt.node.validator.slashing.SlashingFixtures.shardBlock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.crypto.bls.BlsPublicKey;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterchangeImportExportTest {

  private static final Bytes32 EIP_BLOCK_ROOT =
      Bytes32.fromHexString("0x4ff6f743a43f3b4f95350831aeaf0a122a1a392922c45d804280284a69eb850b");
  private static final Bytes32 EIP_ATTESTATION_ROOT =
      Bytes32.fromHexString("0x587d6a4f59a58fe24f406e0502413e77fe1babddee641fda30034ed37ecc884d");

  @TempDir Path dir;

  @Test
  void anEmptyDatabaseShouldRefuseConflictsAfterImportingTheCompleteExample() {
    try (KvSlashingProtection protection = KvSlashingProtection.open(dir, EIP_GENESIS_ROOT)) {
      ImportSummary summary =
          new InterchangeImporter(protection)
              .importInterchange(InterchangeJson.parse(resource("eip3076-complete.json")));
      assertThat(summary).isEqualTo(new ImportSummary(1, 2, 2, 0));
    }
    // a restarted client with nothing but the imported file
    try (KvSlashingProtection protection = KvSlashingProtection.openExisting(dir)) {
      assertThat(block(protection, EIP_VALIDATOR, 81952, root(1)).isSafe()).isFalse();
      assertThat(block(protection, EIP_VALIDATOR, 81951, root(1)).isSafe()).isFalse();
      assertThat(block(protection, EIP_VALIDATOR, 81000, root(1)).isSafe()).isFalse();
      assertThat(block(protection, EIP_VALIDATOR, 81952, EIP_BLOCK_ROOT).isSafe()).isTrue();
      assertThat(attest(protection, EIP_VALIDATOR, 2290, 3007, root(1)).isSafe()).isFalse();
      assertThat(attest(protection, EIP_VALIDATOR, 2290, 3008, root(1)).isSafe()).isFalse();
      assertThat(reason(attest(protection, EIP_VALIDATOR, 2289, 3009, root(1))))
          .contains("below the low watermark source epoch 2290");
      assertThat(attest(protection, EIP_VALIDATOR, 2290, 3007, EIP_ATTESTATION_ROOT).isSafe())
          .isTrue();
      assertThat(block(protection, EIP_VALIDATOR, 81953, root(2)).isSafe()).isTrue();
      assertThat(attest(protection, EIP_VALIDATOR, 3008, 3009, root(2)).isSafe()).isTrue();
    }
  }

  @Test
  void anEmptyDatabaseShouldRefuseConflictsAfterImportingTheMinimalExample() {
    try (KvSlashingProtection protection = SlashingFixtures.inMemory(EIP_GENESIS_ROOT)) {
      new InterchangeImporter(protection)
          .importInterchange(InterchangeJson.parse(resource("eip3076-minimal.json")));
      assertThat(block(protection, EIP_VALIDATOR, 81952, EIP_BLOCK_ROOT).isSafe()).isFalse();
      assertThat(block(protection, EIP_VALIDATOR, 5, root(5)).isSafe()).isFalse();
      assertThat(attest(protection, EIP_VALIDATOR, 2290, 3007, EIP_ATTESTATION_ROOT).isSafe())
          .isFalse();
      assertThat(attest(protection, EIP_VALIDATOR, 10, 20, root(20)).isSafe()).isFalse();
      assertThat(block(protection, EIP_VALIDATOR, 81953, root(1)).isSafe()).isTrue();
      assertThat(attest(protection, EIP_VALIDATOR, 2290, 3008, root(1)).isSafe()).isTrue();
    }
  }

  @Test
  void shouldImportAnotherClientsExportIncludingKeysItDoesNotHold() {
    try (KvSlashingProtection protection = SlashingFixtures.inMemory(EIP_GENESIS_ROOT)) {
      ImportSummary summary =
          new InterchangeImporter(protection)
              .importInterchange(InterchangeJson.parse(resource("other-client-export.json")));
      assertThat(summary).isEqualTo(new ImportSummary(2, 2, 3, 0));
      assertThat(block(protection, EIP_VALIDATOR, 81951, root(1)).isSafe()).isFalse();
      assertThat(block(protection, EIP_VALIDATOR, 81953, root(1)).isSafe()).isTrue();
      // the second entry is interop key 0
      assertThat(attest(protection, ALICE, 100, 101, root(1)).isSafe()).isFalse();
      assertThat(attest(protection, ALICE, 101, 102, root(1)).isSafe()).isTrue();
    }
  }

  @Test
  void shouldKeepLocalRecordsAndMarkConflictsUnknown() {
    try (KvSlashingProtection protection = SlashingFixtures.inMemory()) {
      assertThat(block(protection, ALICE, 50, root(50)).isSafe()).isTrue();
      assertThat(attest(protection, ALICE, 40, 41, root(41)).isSafe()).isTrue();
      // a file that says another client signed other messages at the same slot and target
      Interchange file =
          InterchangeJson.parse(
              """
              {"metadata": {"interchange_format_version": "5", "genesis_validators_root": "%s"},
               "data": [{"pubkey": "%s",
                 "signed_blocks": [{"slot": "50", "signing_root": "%s"}],
                 "signed_attestations": [{"source_epoch": "40", "target_epoch": "41",
                                          "signing_root": "%s"}]}]}
              """
                  .formatted(
                      GENESIS_ROOT.toHexString(),
                      ALICE.toBytes().toHexString(),
                      root(999).toHexString(),
                      root(998).toHexString()));
      new InterchangeImporter(protection).importInterchange(file);
      assertThat(block(protection, ALICE, 50, root(50)).isSafe()).isFalse();
      assertThat(block(protection, ALICE, 50, root(999)).isSafe()).isFalse();
      assertThat(attest(protection, ALICE, 40, 41, root(41)).isSafe()).isFalse();
      assertThat(attest(protection, ALICE, 40, 41, root(998)).isSafe()).isFalse();
    }
  }

  @Test
  void shouldRefuseAnotherChainsFileWithTheReasonAndWriteNothing() {
    try (KvSlashingProtection protection = SlashingFixtures.inMemory()) {
      Interchange file = InterchangeJson.parse(resource("eip3076-complete.json"));
      assertThatThrownBy(() -> new InterchangeImporter(protection).importInterchange(file))
          .isInstanceOf(InterchangeException.class)
          .hasMessage(
              "The interchange file is for the chain with genesis validators root "
                  + EIP_GENESIS_ROOT.toHexString()
                  + ", but this database protects the chain with genesis validators root "
                  + GENESIS_ROOT.toHexString());
      assertThat(new InterchangeExporter(protection).export().data()).isEmpty();
    }
  }

  @Test
  void shouldRefuseAnotherFormatVersion() {
    try (KvSlashingProtection protection = SlashingFixtures.inMemory(EIP_GENESIS_ROOT)) {
      Interchange file =
          InterchangeJson.parse(
              resource("eip3076-minimal.json")
                  .replace(
                      "\"interchange_format_version\": \"5\"",
                      "\"interchange_format_version\": \"4\""));
      assertThatThrownBy(() -> new InterchangeImporter(protection).importInterchange(file))
          .isInstanceOf(InterchangeException.class)
          .hasMessage("Interchange format version 4 is not supported: this build reads version 5");
    }
  }

  @Test
  void shouldRefuseAnAttestationWithItsSourceAfterItsTarget() {
    try (KvSlashingProtection protection = SlashingFixtures.inMemory(EIP_GENESIS_ROOT)) {
      Interchange file =
          InterchangeJson.parse(
              resource("eip3076-complete.json")
                  .replace("\"target_epoch\": \"3008\"", "\"target_epoch\": \"2000\""));
      assertThatThrownBy(() -> new InterchangeImporter(protection).importInterchange(file))
          .isInstanceOf(InterchangeException.class)
          .hasMessage(
              "Invalid interchange file at data[0].signed_attestations[1]: source epoch 2290 is"
                  + " after target epoch 2000");
      assertThat(block(protection, EIP_VALIDATOR, 1, root(1)).isSafe()).isTrue();
    }
  }

  @Test
  void exportThenImportIntoAFreshDatabaseShouldBeAtLeastAsStrict() {
    List<Function<KvSlashingProtection, SigningDecision>> history =
        List.of(
            p -> block(p, ALICE, 10, root(10)),
            p -> block(p, ALICE, 14, root(14)),
            p -> block(p, BOB, 3, root(3)),
            p -> attest(p, ALICE, 1, 2, root(2)),
            p -> attest(p, ALICE, 2, 3, root(3)),
            p -> attest(p, ALICE, 3, 7, root(7)),
            p -> attest(p, BOB, 0, 5, root(5)),
            p -> shardBlock(p, ALICE, 1, 20, root(20)),
            p -> shardBlock(p, BOB, 0, 4, root(4)));
    List<Function<KvSlashingProtection, SigningDecision>> probes =
        List.of(
            p -> block(p, ALICE, 10, root(10)),
            p -> block(p, ALICE, 10, root(11)),
            p -> block(p, ALICE, 12, root(12)),
            p -> block(p, ALICE, 15, root(15)),
            p -> block(p, BOB, 3, root(3)),
            p -> block(p, BOB, 4, root(4)),
            p -> attest(p, ALICE, 2, 3, root(3)),
            p -> attest(p, ALICE, 2, 3, root(30)),
            p -> attest(p, ALICE, 0, 9, root(9)),
            p -> attest(p, ALICE, 4, 5, root(5)),
            p -> attest(p, ALICE, 7, 8, root(8)),
            p -> attest(p, BOB, 1, 4, root(4)),
            p -> attest(p, BOB, 5, 6, root(6)),
            p -> shardBlock(p, ALICE, 1, 20, root(20)),
            p -> shardBlock(p, ALICE, 1, 19, root(19)),
            p -> shardBlock(p, ALICE, 1, 21, root(21)),
            p -> shardBlock(p, BOB, 0, 4, root(40)));
    Interchange exported;
    KvSlashingProtection original = SlashingFixtures.inMemory();
    history.forEach(step -> assertThat(step.apply(original).isSafe()).isTrue());
    exported = new InterchangeExporter(original).export();
    assertThat(exported.data()).hasSize(2);
    Interchange reread = InterchangeJson.parse(InterchangeJson.toJson(exported));
    assertThat(reread).isEqualTo(exported);

    KvSlashingProtection imported = SlashingFixtures.inMemory();
    new InterchangeImporter(imported).importInterchange(reread);
    assertThat(new InterchangeExporter(imported).export()).isEqualTo(exported);
    // Each probe runs on a fresh copy so that probes do not record into each other.
    for (int i = 0; i < probes.size(); i++) {
      KvSlashingProtection before = SlashingFixtures.inMemory();
      history.forEach(step -> step.apply(before));
      KvSlashingProtection after = SlashingFixtures.inMemory();
      new InterchangeImporter(after).importInterchange(reread);
      boolean safeBefore = probes.get(i).apply(before).isSafe();
      boolean safeAfter = probes.get(i).apply(after).isSafe();
      assertThat(!safeAfter || safeBefore)
          .as("probe %d refused before the round trip must stay refused", i)
          .isTrue();
      before.close();
      after.close();
    }
    // identical re-signs and messages beyond everything signed stay allowed after the round trip
    assertThat(block(imported, ALICE, 14, root(14)).isSafe()).isTrue();
    assertThat(attest(imported, ALICE, 3, 7, root(7)).isSafe()).isTrue();
    assertThat(shardBlock(imported, ALICE, 1, 20, root(20)).isSafe()).isTrue();
    assertThat(block(imported, ALICE, 15, root(15)).isSafe()).isTrue();
    assertThat(attest(imported, ALICE, 7, 8, root(8)).isSafe()).isTrue();
    assertThat(shardBlock(imported, BOB, 0, 5, root(5)).isSafe()).isTrue();
    // and what was refused is refused
    assertThat(block(imported, ALICE, 12, root(12)).isSafe()).isFalse();
    assertThat(attest(imported, ALICE, 0, 9, root(9)).isSafe()).isFalse();
    original.close();
    imported.close();
  }

  @Test
  void exportShouldListEveryRecordPerValidator() {
    try (KvSlashingProtection protection = SlashingFixtures.inMemory()) {
      block(protection, ALICE, 1, root(1));
      block(protection, ALICE, 2, root(2));
      attest(protection, BOB, 0, 1, root(1));
      Interchange exported = new InterchangeExporter(protection).export();
      assertThat(exported.metadata()).isEqualTo(new InterchangeMetadata(5, GENESIS_ROOT));
      assertThat(exported.data())
          .extracting(InterchangeData::pubkey)
          .containsExactlyInAnyOrder(ALICE.toBytes(), BOB.toBytes());
      InterchangeData alice = dataOf(exported, ALICE);
      assertThat(alice.signedBlocks()).hasSize(2);
      assertThat(alice.signedAttestations()).isEmpty();
      assertThat(dataOf(exported, BOB).signedAttestations()).hasSize(1);
    }
  }

  private static InterchangeData dataOf(Interchange interchange, BlsPublicKey key) {
    return interchange.data().stream()
        .filter(d -> d.pubkey().equals(key.toBytes()))
        .findFirst()
        .orElseThrow();
  }
}
