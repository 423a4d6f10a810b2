package io.basalt.node.validator.keys;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/** EIP-2335 password processing: NFKD, then strip C0, C1 and Delete, then UTF-8. */
public final class KeystorePassword {

  private KeystorePassword() {}

  /** The bytes fed to the KDF for {@code password}. */
  public static byte[] process(String password) {
    String normalized = Normalizer.normalize(password, Normalizer.Form.NFKD);
    StringBuilder kept = new StringBuilder(normalized.length());
    normalized.codePoints().filter(cp -> !isControl(cp)).forEach(kept::appendCodePoint);
    return kept.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static boolean isControl(int codePoint) {
    return codePoint <= 0x1F || (codePoint >= 0x7F && codePoint <= 0x9F);
  }
}
