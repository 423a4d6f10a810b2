package io.basalt.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.beacon.state.Validator;
import io.basalt.common.types.Address;
import io.basalt.execution.state.Wei;
import io.basalt.node.genesis.DevAccounts;
import io.basalt.node.genesis.GenesisException;
import io.basalt.node.genesis.GenesisFiles;
import io.basalt.node.genesis.GenesisGenerator;
import io.basalt.node.genesis.NodeGenesis;
import io.basalt.node.validator.keys.KeystoreLoader;
import io.basalt.node.validator.keys.ValidatorKey;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenesisCommandTest {

  private static final String FUNDED = "0x1111111111111111111111111111111111111111";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = OneLineErrors.install(new CommandLine(new GenesisCommand()));
    cl.setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void shouldWriteAGenesisThatReadsBackWithMatchingKeystores() throws Exception {
    Path genesisDir = dir.resolve("net");
    int code =
        run(
            "--out", genesisDir.toString(),
            "--validators", "9",
            "--nodes", "2",
            "--shards", "1",
            "--genesis-time", "1700000000",
            "--dev-accounts", "2",
            "--fund", FUNDED + "=1.5");
    assertThat(code).as(err.toString()).isZero();
    assertThat(err.toString()).contains("WARNING").contains("public development mnemonic");

    NodeGenesis genesis = GenesisFiles.read(genesisDir);
    assertThat(genesis.config().shardCount()).isEqualTo(1);
    assertThat(genesis.config().presetBase()).isEqualTo("local");
    assertThat(genesis.state().genesisTime().longValue()).isEqualTo(1_700_000_000L);
    assertThat(genesis.state().validators().size()).isEqualTo(9);
    assertThat(genesis.allocations())
        .containsEntry(
            Address.fromHexString(FUNDED), new Wei(new java.math.BigInteger("1500000000000000000")))
        .containsEntry(
            DevAccounts.derive(DevAccounts.DEV_MNEMONIC, 1).get(0).address(), Wei.ofEther(10_000))
        .hasSize(3);
    String json = Files.readString(genesisDir.resolve("genesis.json"));
    assertThat(json).contains("\"SHARD_COUNT\" : \"1\"").contains("fork_digest");

    List<ValidatorKey> keys = new ArrayList<>();
    int[] expectedPerNode = {5, 4};
    for (int k = 0; k < 2; k++) {
      Path node = GenesisGenerator.nodeDir(genesisDir, k);
      List<ValidatorKey> nodeKeys =
          KeystoreLoader.load(
              node.resolve(GenesisGenerator.KEYS_DIR),
              node.resolve(GenesisGenerator.PASSWORDS_DIR));
      assertThat(nodeKeys).hasSize(expectedPerNode[k]);
      keys.addAll(nodeKeys);
    }
    assertThat(
            Files.exists(
                genesisDir.resolve("node-1/validator-keys/keystore-m_12381_3600_5_0_0.json")))
        .isTrue();
    // Keystores sort by file name; index 10+ would sort differently, 9 validators do not.
    for (int i = 0; i < keys.size(); i++) {
      Validator validator = genesis.state().validators().get(i);
      assertThat(validator.pubkey()).isEqualTo(keys.get(i).publicKey().toBytes());
    }
  }

  @Test
  void shouldRefuseTooFewValidatorsSayingHowManyAreNeeded() {
    int code = run("--out", dir.resolve("x").toString(), "--validators", "31");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo(
            "genesis: Invalid value for option '--validators': preset local with 4 shards needs"
                + " at least 32 validators (SLOTS_PER_EPOCH × SHARD_COUNT), got 31");
    assertThat(err.toString().strip().lines()).hasSize(1);
  }

  @Test
  void shouldGiveOneLineErrorsNamingTheBadOption() throws Exception {
    assertThat(run("--out", dir.toString(), "--validators", "abc")).isEqualTo(2);
    assertThat(err.toString()).contains("'--validators'");
    assertOneLineNaming("--preset", "--out", dir.toString(), "--validators", "64", "--preset", "x");
    assertOneLineNaming("--shards", "--out", dir.toString(), "--validators", "64", "--shards", "0");
    assertOneLineNaming(
        "--fund", "--out", dir.toString(), "--validators", "64", "--fund", "0x12=1");
    assertOneLineNaming(
        "--kdf-strength", "--out", dir.toString(), "--validators", "64", "--kdf-strength", "x");
    assertOneLineNaming(
        "--mnemonic", "--out", dir.toString(), "--validators", "64", "--mnemonic", "a b c");
    Files.writeString(dir.resolve("occupied"), "x");
    assertOneLineNaming("--out", "--out", dir.toString(), "--validators", "32");
    assertOneLineNaming(
        "--genesis-time",
        "--out",
        dir.resolve("y").toString(),
        "--validators",
        "32",
        "--genesis-time",
        "1",
        "--genesis-delay",
        "1");
  }

  private void assertOneLineNaming(String option, String... args) {
    err.getBuffer().setLength(0);
    assertThat(run(args)).as(String.join(" ", args)).isEqualTo(2);
    assertThat(err.toString().strip().lines()).as(err.toString()).hasSize(1);
    assertThat(err.toString()).contains(option);
  }

  @Test
  void shouldRejectAGenesisWhoseStateDoesNotMatchItsRoot() throws Exception {
    Path genesisDir = dir.resolve("net");
    assertThat(
            run(
                "--out",
                genesisDir.toString(),
                "--validators",
                "8",
                "--shards",
                "1",
                "--dev-accounts",
                "0"))
        .as(err.toString())
        .isZero();
    Path json = genesisDir.resolve("genesis.json");
    String text = Files.readString(json);
    String root = text.replaceAll("(?s).*\"state_root\" : \"(0x[0-9a-f]+)\".*", "$1");
    Files.writeString(json, text.replace(root, "0x" + "00".repeat(32)));
    assertThatThrownBy(() -> GenesisFiles.read(genesisDir))
        .isInstanceOf(GenesisException.class)
        .hasMessageContaining("has state root");
    Files.writeString(json, text.replace("\"SHARD_COUNT\" : \"1\"", "\"SHARD_COUNT\" : \"2\""));
    assertThatThrownBy(() -> GenesisFiles.read(genesisDir)).isInstanceOf(GenesisException.class);
    Files.writeString(json, "{");
    assertThatThrownBy(() -> GenesisFiles.read(genesisDir))
        .hasMessageContaining("is not valid JSON");
    assertThatThrownBy(() -> GenesisFiles.read(dir.resolve("nowhere")))
        .hasMessageContaining("does not exist");
  }
}
