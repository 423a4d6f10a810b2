package io.basalt.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.crypto.bls.BlsPublicKey;
import io.basalt.common.types.Slot;
import io.basalt.node.validator.slashing.Interchange;
import io.basalt.node.validator.slashing.InterchangeJson;
import io.basalt.node.validator.slashing.KvSlashingProtection;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SlashingProtectionCommandTest {

  private static final BlsPublicKey EIP_VALIDATOR =
      BlsPublicKey.fromBytes(
          Bytes.fromHexString(
              "0xb845089a1457f811bfc000588fbb4e713669be8ce060ea6be3c6ece09afc3794106c91ca73acda5e5457122d58723bed"));

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine command = new CommandLine(new SlashingProtectionCommand());
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }

  @Test
  void importIntoAFreshDataDirThenExportShouldRoundTrip() throws IOException {
    Path file = copyFixture("eip3076-complete.json");
    Path dataDir = dir.resolve("data");
    assertThat(run("import", "--data-dir", dataDir.toString(), "--file", file.toString())).isZero();
    assertThat(out.toString())
        .contains("Imported 1 validators (2 blocks, 2 attestations, 0 shard blocks)");
    assertThat(Files.isDirectory(dataDir.resolve("validator/slashing-protection"))).isTrue();

    Path exported = dir.resolve("exported.json");
    assertThat(run("export", "--data-dir", dataDir.toString(), "--file", exported.toString()))
        .isZero();
    Interchange written = InterchangeJson.read(exported);
    Interchange original = InterchangeJson.read(file);
    assertThat(written.metadata()).isEqualTo(original.metadata());
    assertThat(written.data()).hasSize(1);
    // the export orders records by slot and epoch; the example lists slot 81952 first
    assertThat(written.data().get(0).pubkey()).isEqualTo(original.data().get(0).pubkey());
    assertThat(written.data().get(0).signedBlocks())
        .containsExactlyInAnyOrderElementsOf(original.data().get(0).signedBlocks());
    assertThat(written.data().get(0).signedAttestations())
        .containsExactlyInAnyOrderElementsOf(original.data().get(0).signedAttestations());

    try (KvSlashingProtection protection =
        KvSlashingProtection.openExisting(KvSlashingProtection.databaseDirectory(dataDir))) {
      assertThat(
              protection.checkAndRecordBlock(EIP_VALIDATOR, Slot.of(81952), Bytes32.ZERO).isSafe())
          .isFalse();
    }
  }

  @Test
  void importShouldFailWithOneLineForAnotherChainsFile() throws IOException {
    Path dataDir = dir.resolve("data");
    KvSlashingProtection.open(
            KvSlashingProtection.databaseDirectory(dataDir), Bytes32.fromHexString("0x01"))
        .close();
    Path file = copyFixture("eip3076-minimal.json");
    assertThat(run("import", "--data-dir", dataDir.toString(), "--file", file.toString()))
        .isEqualTo(1);
    assertThat(err.toString().strip())
        .startsWith("Import failed: The slashing protection database was written for the chain")
        .doesNotContain("\n");
  }

  @Test
  void importShouldFailWithOneLineForMalformedOrMissingFiles() throws IOException {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{ not json");
    assertThat(run("import", "--data-dir", dir.toString(), "--file", bad.toString())).isEqualTo(1);
    assertThat(err.toString()).startsWith("Import failed: The interchange file is not valid JSON");
    assertThat(Files.exists(dir.resolve("validator"))).isFalse();

    err.getBuffer().setLength(0);
    Path missing = dir.resolve("missing.json");
    assertThat(run("import", "--data-dir", dir.toString(), "--file", missing.toString()))
        .isEqualTo(1);
    assertThat(err.toString()).startsWith("Import failed: Cannot read interchange file " + missing);
  }

  @Test
  void exportShouldFailClearlyWithoutADatabase() {
    Path dataDir = dir.resolve("empty");
    assertThat(
            run("export", "--data-dir", dataDir.toString(), "--file", dir.resolve("x").toString()))
        .isEqualTo(1);
    assertThat(err.toString().strip())
        .isEqualTo(
            "Export failed: There is no slashing protection database at "
                + KvSlashingProtection.databaseDirectory(dataDir));
  }

  @Test
  void missingOptionsShouldBeNamed() {
    assertThat(run("import", "--file", "x.json")).isEqualTo(2);
    assertThat(err.toString()).contains("--data-dir");
    assertThat(run()).isZero();
    assertThat(out.toString()).contains("import").contains("export");
  }

  private Path copyFixture(String name) throws IOException {
    Path target = dir.resolve(name);
    try (InputStream in = getClass().getResourceAsStream("/interchange/" + name)) {
      Files.copy(in, target);
    }
    return target;
  }
}
