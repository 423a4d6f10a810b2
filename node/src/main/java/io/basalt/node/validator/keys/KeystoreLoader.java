package io.basalt.node.validator.keys;

import io.basalt.common.crypto.bls.BlsSecretKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;

/**
 * Loads a directory of keystores. Keystore {@code KEYS_DIR/NAME.json} is decrypted with the
 * password in {@code PASSWORDS_DIR/NAME.txt}. Decryption runs on a small pool because scrypt is
 * deliberately slow; the result keeps the file-name order.
 */
public final class KeystoreLoader {

  private static final int MAX_THREADS = 4;

  private KeystoreLoader() {}

  /** Every keystore KEYS_DIR/NAME.json, decrypted with the password in PASSWORDS_DIR/NAME.txt. */
  public static List<ValidatorKey> load(Path keysDir, Path passwordsDir) throws KeystoreException {
    List<LoadedKeystore> loaded = loadWithFiles(keysDir, passwordsDir);
    List<ValidatorKey> keys = new ArrayList<>(loaded.size());
    for (LoadedKeystore entry : loaded) {
      keys.add(entry.key());
    }
    return keys;
  }

  /** Like {@link #load}, with each key's file and keystore path (for listings). */
  public static List<LoadedKeystore> loadWithFiles(Path keysDir, Path passwordsDir)
      throws KeystoreException {
    List<Path> files = keystoreFiles(keysDir);
    List<Keystore> keystores = new ArrayList<>(files.size());
    List<String> passwords = new ArrayList<>(files.size());
    for (Path file : files) {
      keystores.add(Keystore.read(file));
      passwords.add(password(file, passwordsDir));
    }
    List<BlsSecretKey> secrets = decryptAll(keystores, passwords);
    Map<Bytes, Path> seen = new HashMap<>();
    List<LoadedKeystore> result = new ArrayList<>(files.size());
    for (int i = 0; i < files.size(); i++) {
      ValidatorKey key = ValidatorKey.of(secrets.get(i));
      Path earlier = seen.putIfAbsent(key.publicKey().toBytes(), files.get(i));
      if (earlier != null) {
        throw new KeystoreException(
            "keystore "
                + files.get(i)
                + ": duplicate pubkey "
                + key.publicKey().toBytes()
                + ", also in "
                + earlier.getFileName());
      }
      result.add(new LoadedKeystore(files.get(i), keystores.get(i).path(), key));
    }
    return result;
  }

  /** A decrypted keystore and where it came from. */
  public record LoadedKeystore(Path file, String path, ValidatorKey key) {}

  private static List<Path> keystoreFiles(Path keysDir) throws KeystoreException {
    if (!Files.isDirectory(keysDir)) {
      throw new KeystoreException("keys directory " + keysDir + " does not exist");
    }
    try (Stream<Path> entries = Files.list(keysDir)) {
      return entries
          .filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new KeystoreException("keys directory " + keysDir + ": cannot list (" + e + ")", e);
    }
  }

  private static String password(Path keystoreFile, Path passwordsDir) throws KeystoreException {
    String fileName = keystoreFile.getFileName().toString();
    String stem = fileName.substring(0, fileName.length() - ".json".length());
    Path passwordFile = passwordsDir.resolve(stem + ".txt");
    if (!Files.isRegularFile(passwordFile)) {
      throw new KeystoreException(
          "keystore " + keystoreFile + ": missing password file " + passwordFile);
    }
    try {
      return stripTrailingNewline(Files.readString(passwordFile, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new KeystoreException(
          "keystore " + keystoreFile + ": cannot read password file " + passwordFile, e);
    }
  }

  /** One trailing "\n" or "\r\n", as editors and {@code echo} add; other whitespace is kept. */
  static String stripTrailingNewline(String text) {
    if (text.endsWith("\r\n")) {
      return text.substring(0, text.length() - 2);
    }
    if (text.endsWith("\n")) {
      return text.substring(0, text.length() - 1);
    }
    return text;
  }

  private static List<BlsSecretKey> decryptAll(List<Keystore> keystores, List<String> passwords)
      throws KeystoreException {
    int threads = Math.max(1, Math.min(MAX_THREADS, Math.min(keystores.size(), cpus())));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<BlsSecretKey>> futures = new ArrayList<>(keystores.size());
      for (int i = 0; i < keystores.size(); i++) {
        Keystore keystore = keystores.get(i);
        String password = passwords.get(i);
        futures.add(pool.submit(() -> keystore.decrypt(password)));
      }
      List<BlsSecretKey> secrets = new ArrayList<>(futures.size());
      for (Future<BlsSecretKey> future : futures) {
        secrets.add(await(future));
      }
      return secrets;
    } finally {
      pool.shutdownNow();
    }
  }

  private static BlsSecretKey await(Future<BlsSecretKey> future) throws KeystoreException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KeystoreException("interrupted while decrypting keystores", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof KeystoreException cause) {
        throw cause;
      }
      throw new KeystoreException("cannot decrypt keystore: " + e.getCause(), e.getCause());
    }
  }

  private static int cpus() {
    return Runtime.getRuntime().availableProcessors();
  }
}
