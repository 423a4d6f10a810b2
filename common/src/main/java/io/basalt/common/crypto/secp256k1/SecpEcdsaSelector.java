package io.basalt.common.crypto.secp256k1;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks the native implementation once per JVM, falling back to BouncyCastle when it fails. */
final class SecpEcdsaSelector {

  private static final Logger LOG = LoggerFactory.getLogger(SecpEcdsaSelector.class);

  // Initialised on first use of SecpEcdsa.getDefault(), so the choice (and its log line) is made
  // exactly once.
  static final SecpEcdsa DEFAULT = select(NativeSecpEcdsa::load);

  private SecpEcdsaSelector() {}

  static SecpEcdsa select(Supplier<SecpEcdsa> nativeLoader) {
    try {
      return nativeLoader.get();
    } catch (RuntimeException | LinkageError e) {
      // Missing or incompatible native library: an unsupported OS or architecture, a read-only
      // temp directory for the extracted library, or a JNI symbol mismatch.
      LOG.warn(
          "Native libsecp256k1 unavailable ({}); using the slower BouncyCastle secp256k1"
              + " implementation",
          e.toString());
      return new BouncyCastleSecpEcdsa();
    }
  }
}
