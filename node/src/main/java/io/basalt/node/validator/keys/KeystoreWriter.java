package io.basalt.node.validator.keys;

import io.basalt.common.crypto.bls.BlsSecretKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.tuweni.bytes.Bytes;

/**
 * Writes validator keystores derived from a seed: for validator {@code i}, {@code
 * KEYS_DIR/keystore-m_12381_3600_<i>_0_0.json} and its password in {@code
 * PASSWORDS_DIR/keystore-m_12381_3600_<i>_0_0.txt}, the layout {@link KeystoreLoader} reads.
 */
public final class KeystoreWriter {

  private static final int MAX_THREADS = 4;

  private final KdfFunction function;
  private final KdfStrength strength;
  private final Optional<String> fixedPassword;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param fixedPassword the password of every keystore, or empty for a random one per keystore
   */
  public KeystoreWriter(
      KdfFunction function, KdfStrength strength, Optional<String> fixedPassword) {
    this.function = function;
    this.strength = strength;
    this.fixedPassword = fixedPassword;
  }

  /** One written keystore. */
  public record Written(int index, Path keystoreFile, ValidatorKey key) {}

  /**
   * Derives the signing keys of validators {@code startIndex .. startIndex+count-1} from {@code
   * seed} (EIP-2333, path {@code m/12381/3600/i/0/0}) and writes them, creating the directories.
   */
  public List<Written> write(Bytes seed, int startIndex, int count, Path keysDir, Path passwordsDir)
      throws IOException {
    Files.createDirectories(keysDir);
    Files.createDirectories(passwordsDir);
    int threads = Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Written>> futures = new ArrayList<>(count);
      for (int i = startIndex; i < startIndex + count; i++) {
        int index = i;
        futures.add(pool.submit(() -> writeOne(seed, index, keysDir, passwordsDir)));
      }
      List<Written> written = new ArrayList<>(count);
      for (Future<Written> future : futures) {
        written.add(await(future));
      }
      return written;
    } finally {
      pool.shutdownNow();
    }
  }

  private Written writeOne(Bytes seed, int index, Path keysDir, Path passwordsDir) {
    String path = Eip2334.signingKeyPath(index);
    BlsSecretKey secret = Eip2333.deriveKey(seed, path);
    String password = fixedPassword.orElseGet(this::randomPassword);
    Keystore keystore = Keystore.encrypt(secret, password, function, strength, path, "", random);
    String name = Eip2334.keystoreName(index);
    Path keystoreFile = keysDir.resolve(name + ".json");
    try {
      keystore.write(keystoreFile);
      Files.writeString(passwordsDir.resolve(name + ".txt"), password, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Written(index, keystoreFile, ValidatorKey.of(secret));
  }

  private String randomPassword() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static Written await(Future<Written> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing keystores", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IOException(e.getCause());
    }
  }
}
