package io.basalt.node.validator.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystoreLoaderTest {

  private static final Bytes SEED = Bytes.fromHexString("0x" + "ab".repeat(32));

  @TempDir Path dir;

  private Path keys() {
    return dir.resolve("keys");
  }

  private Path passwords() {
    return dir.resolve("passwords");
  }

  private List<KeystoreWriter.Written> write(int start, int count) throws Exception {
    return new KeystoreWriter(KdfFunction.PBKDF2, KdfStrength.LIGHT, Optional.empty())
        .write(SEED, start, count, keys(), passwords());
  }

  @Test
  void shouldLoadEveryKeystoreInFileOrder() throws Exception {
    List<KeystoreWriter.Written> written = write(0, 3);
    Files.writeString(keys().resolve("notes.txt"), "not a keystore");
    List<ValidatorKey> loaded = KeystoreLoader.load(keys(), passwords());
    assertThat(loaded)
        .extracting(ValidatorKey::publicKey)
        .containsExactlyElementsOf(written.stream().map(w -> w.key().publicKey()).toList());
    assertThat(loaded.get(1).secretKey()).isEqualTo(Eip2333.deriveKey(SEED, "m/12381/3600/1/0/0"));
  }

  @Test
  void shouldStripOneTrailingNewlineFromPasswordFiles() throws Exception {
    write(0, 1);
    Path password = passwords().resolve("keystore-m_12381_3600_0_0_0.txt");
    Files.writeString(password, Files.readString(password) + "\n");
    assertThat(KeystoreLoader.load(keys(), passwords())).hasSize(1);
    assertThat(KeystoreLoader.stripTrailingNewline("a \r\n")).isEqualTo("a ");
  }

  @Test
  void shouldNameTheKeystoreWithoutAPasswordFile() throws Exception {
    write(0, 2);
    Files.delete(passwords().resolve("keystore-m_12381_3600_1_0_0.txt"));
    assertThatThrownBy(() -> KeystoreLoader.load(keys(), passwords()))
        .isInstanceOf(KeystoreException.class)
        .hasMessageContaining("keystore-m_12381_3600_1_0_0.json")
        .hasMessageContaining("missing password file");
  }

  @Test
  void shouldRejectDuplicatePubkeysNamingTheFile() throws Exception {
    write(0, 1);
    Files.copy(keys().resolve("keystore-m_12381_3600_0_0_0.json"), keys().resolve("copy.json"));
    Files.copy(
        passwords().resolve("keystore-m_12381_3600_0_0_0.txt"), passwords().resolve("copy.txt"));
    assertThatThrownBy(() -> KeystoreLoader.load(keys(), passwords()))
        .isInstanceOf(KeystoreException.class)
        .hasMessageContaining("duplicate pubkey")
        .hasMessageContaining("keystore-m_12381_3600_0_0_0.json");
  }

  @Test
  void shouldReportWrongPasswordAndMissingDirectory() throws Exception {
    write(0, 1);
    Files.writeString(passwords().resolve("keystore-m_12381_3600_0_0_0.txt"), "wrong");
    assertThatThrownBy(() -> KeystoreLoader.load(keys(), passwords()))
        .hasMessage(
            "keystore keystore-m_12381_3600_0_0_0.json: wrong password (checksum mismatch)");
    assertThatThrownBy(() -> KeystoreLoader.load(dir.resolve("absent"), passwords()))
        .isInstanceOf(KeystoreException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void shouldRejectAKeystoreWhosePubkeyDoesNotMatch() throws Exception {
    write(0, 2);
    Path first = keys().resolve("keystore-m_12381_3600_0_0_0.json");
    String otherPubkey =
        Keystore.read(keys().resolve("keystore-m_12381_3600_1_0_0.json"))
            .pubkey()
            .orElseThrow()
            .toUnprefixedHexString();
    String ownPubkey = Keystore.read(first).pubkey().orElseThrow().toUnprefixedHexString();
    Files.writeString(first, Files.readString(first).replace(ownPubkey, otherPubkey));
    assertThatThrownBy(() -> KeystoreLoader.load(keys(), passwords()))
        .hasMessageContaining("does not match field 'pubkey'");
  }
}
