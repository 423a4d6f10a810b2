package io.basalt.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.node.genesis.DevAccounts;
import io.basalt.node.validator.keys.Eip2333;
import io.basalt.node.validator.keys.Keystore;
import io.basalt.node.validator.keys.Mnemonics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class KeysCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = OneLineErrors.install(new CommandLine(new KeysCommand()));
    cl.setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void shouldGenerateAndListKeysFromAMnemonicFile() throws Exception {
    Path mnemonicFile = dir.resolve("mnemonic.txt");
    Files.writeString(mnemonicFile, DevAccounts.DEV_MNEMONIC + "\n");
    Path passwordFile = dir.resolve("pw.txt");
    Files.writeString(passwordFile, "secret\n");
    String keys = dir.resolve("k").toString();
    String passwords = dir.resolve("p").toString();
    int code =
        run(
            "generate",
            "--mnemonic-file",
            mnemonicFile.toString(),
            "--count",
            "2",
            "--start-index",
            "3",
            "--keys-dir",
            keys,
            "--passwords-dir",
            passwords,
            "--password-file",
            passwordFile.toString(),
            "--kdf",
            "pbkdf2",
            "--kdf-strength",
            "light");
    assertThat(code).as(err.toString()).isZero();
    Path first = Path.of(keys, "keystore-m_12381_3600_3_0_0.json");
    assertThat(Files.readString(Path.of(passwords, "keystore-m_12381_3600_3_0_0.txt")))
        .isEqualTo("secret");
    Keystore keystore = Keystore.read(first);
    assertThat(keystore.path()).isEqualTo("m/12381/3600/3/0/0");
    assertThat(keystore.decrypt("secret"))
        .isEqualTo(
            Eip2333.deriveKey(Mnemonics.seed(DevAccounts.DEV_MNEMONIC), "m/12381/3600/3/0/0"));

    out.getBuffer().setLength(0);
    assertThat(run("list", "--keys-dir", keys, "--passwords-dir", passwords)).isZero();
    assertThat(out.toString().lines())
        .containsExactly(
            "m/12381/3600/3/0/0 " + keystore.pubkey().orElseThrow(),
            "m/12381/3600/4/0/0 "
                + Keystore.read(Path.of(keys, "keystore-m_12381_3600_4_0_0.json"))
                    .pubkey()
                    .orElseThrow());
  }

  @Test
  void shouldGiveOneLineErrorsNamingTheBadOption() {
    String[] base = {
      "generate",
      "--mnemonic",
      DevAccounts.DEV_MNEMONIC,
      "--keys-dir",
      dir.resolve("k").toString(),
      "--passwords-dir",
      dir.resolve("p").toString()
    };
    assertBadOption("--count", concat(base, "--count", "0"));
    assertBadOption("--count", concat(base, "--count", "x"));
    assertBadOption("--kdf", concat(base, "--count", "1", "--kdf", "argon2"));
    assertBadOption("--kdf-strength", concat(base, "--count", "1", "--kdf-strength", "weak"));
    assertBadOption("--start-index", concat(base, "--count", "1", "--start-index", "-1"));
    assertBadOption(
        "--mnemonic",
        "generate",
        "--mnemonic",
        "not a mnemonic",
        "--count",
        "1",
        "--keys-dir",
        "k",
        "--passwords-dir",
        "p");
    assertThat(Files.exists(dir.resolve("k"))).isFalse();
  }

  @Test
  void shouldReportKeystoreErrorsOnOneLine() throws Exception {
    Files.createDirectories(dir.resolve("k"));
    Files.writeString(dir.resolve("k/a.json"), "{}");
    assertThat(
            run(
                "list",
                "--keys-dir",
                dir.resolve("k").toString(),
                "--passwords-dir",
                dir.resolve("p").toString()))
        .isEqualTo(1);
    assertThat(err.toString().strip()).startsWith("keys list: keystore a.json: field 'version'");
  }

  private void assertBadOption(String option, String... args) {
    err.getBuffer().setLength(0);
    assertThat(run(args)).as(String.join(" ", args)).isEqualTo(2);
    assertThat(err.toString().strip().lines()).as(err.toString()).hasSize(1);
    assertThat(err.toString()).contains("'" + option + "'");
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
