package io.basalt.node.validator.keys;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import org.apache.tuweni.bytes.Bytes;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.params.KeyParameter;

/** A keystore's {@code kdf} module: turns the processed password into the decryption key. */
public sealed interface Kdf {

  /** The EIP-2335 decryption key length. */
  int DKLEN = 32;

  KdfFunction function();

  /** The decryption key of {@code password} (already NFKD-normalised and UTF-8 encoded). */
  byte[] deriveKey(byte[] password);

  /** The {@code kdf.params} object. */
  ObjectNode params();

  /** A fresh KDF of {@code function} at {@code strength} with a random 32-byte salt. */
  static Kdf create(KdfFunction function, KdfStrength strength, SecureRandom random) {
    byte[] salt = new byte[32];
    random.nextBytes(salt);
    return switch (function) {
      case SCRYPT -> new Scrypt(DKLEN, strength.scryptN(), 8, 1, Bytes.wrap(salt));
      case PBKDF2 -> new Pbkdf2(DKLEN, strength.pbkdf2C(), Bytes.wrap(salt));
    };
  }

  /** scrypt (RFC 7914). */
  record Scrypt(int dklen, int n, int r, int p, Bytes salt) implements Kdf {
    @Override
    public KdfFunction function() {
      return KdfFunction.SCRYPT;
    }

    @Override
    public byte[] deriveKey(byte[] password) {
      return SCrypt.generate(password, salt.toArrayUnsafe(), n, r, p, dklen);
    }

    @Override
    public ObjectNode params() {
      ObjectNode params = JsonNodeFactory.instance.objectNode();
      params.put("dklen", dklen).put("n", n).put("p", p).put("r", r);
      params.put("salt", salt.toUnprefixedHexString());
      return params;
    }
  }

  /** PBKDF2 with HMAC-SHA256 (RFC 2898). */
  record Pbkdf2(int dklen, int c, Bytes salt) implements Kdf {

    /** The only pseudo-random function EIP-2335 allows. */
    public static final String PRF = "hmac-sha256";

    @Override
    public KdfFunction function() {
      return KdfFunction.PBKDF2;
    }

    @Override
    public byte[] deriveKey(byte[] password) {
      PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
      generator.init(password, salt.toArrayUnsafe(), c);
      return ((KeyParameter) generator.generateDerivedParameters(dklen * 8)).getKey();
    }

    @Override
    public ObjectNode params() {
      ObjectNode params = JsonNodeFactory.instance.objectNode();
      params.put("dklen", dklen).put("c", c).put("prf", PRF);
      params.put("salt", salt.toUnprefixedHexString());
      return params;
    }
  }
}
