package io.basalt.node.validator.keys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/** Reads EIP-2335 JSON into a {@link Keystore}; every error names the keystore and the field. */
final class KeystoreJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;

  private KeystoreJson(String name) {
    this.name = name;
  }

  static Keystore parse(String text, String name) throws KeystoreException {
    return new KeystoreJson(name).parse(text);
  }

  private Keystore parse(String text) throws KeystoreException {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new KeystoreException(
          "keystore " + name + ": not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (root == null || !root.isObject()) {
      throw error("", "must be a JSON object");
    }
    JsonNode version = root.get("version");
    if (version == null || !version.canConvertToInt() || version.intValue() != Keystore.VERSION) {
      throw error("version", "must be " + Keystore.VERSION + ", got " + version);
    }
    JsonNode crypto = object(root, "crypto", "crypto");
    JsonNode kdfNode = object(crypto, "kdf", "crypto.kdf");
    Kdf kdf = kdf(kdfNode);
    JsonNode checksumNode = object(crypto, "checksum", "crypto.checksum");
    String checksumFunction = text(checksumNode, "function", "crypto.checksum.function");
    if (!checksumFunction.equals(Keystore.CHECKSUM_FUNCTION)) {
      throw error("crypto.checksum.function", "unknown function '" + checksumFunction + "'");
    }
    Bytes checksum = hex(checksumNode, "message", "crypto.checksum.message", 32);
    JsonNode cipherNode = object(crypto, "cipher", "crypto.cipher");
    String cipherFunction = text(cipherNode, "function", "crypto.cipher.function");
    if (!cipherFunction.equals(Keystore.CIPHER_FUNCTION)) {
      throw error("crypto.cipher.function", "unknown cipher '" + cipherFunction + "'");
    }
    JsonNode cipherParams = object(cipherNode, "params", "crypto.cipher.params");
    Bytes iv = hex(cipherParams, "iv", "crypto.cipher.params.iv", 16);
    Bytes message = hex(cipherNode, "message", "crypto.cipher.message", 32);
    Optional<Bytes> pubkey =
        root.hasNonNull("pubkey")
            ? Optional.of(hex(root, "pubkey", "pubkey", 48))
            : Optional.empty();
    String description =
        root.hasNonNull("description") ? text(root, "description", "description") : "";
    return new Keystore(
        name,
        kdf,
        checksum,
        iv,
        message,
        description,
        pubkey,
        text(root, "path", "path"),
        text(root, "uuid", "uuid"));
  }

  private Kdf kdf(JsonNode kdfNode) throws KeystoreException {
    String function = text(kdfNode, "function", "crypto.kdf.function");
    JsonNode params = object(kdfNode, "params", "crypto.kdf.params");
    int dklen = positiveInt(params, "dklen", "crypto.kdf.params.dklen");
    if (dklen < 32) {
      throw error("crypto.kdf.params.dklen", "must be at least 32, got " + dklen);
    }
    Bytes salt = hex(params, "salt", "crypto.kdf.params.salt", -1);
    if (function.equals(KdfFunction.SCRYPT.jsonName())) {
      int n = positiveInt(params, "n", "crypto.kdf.params.n");
      if (n < 2 || Integer.bitCount(n) != 1) {
        throw error("crypto.kdf.params.n", "must be a power of two above 1, got " + n);
      }
      return new Kdf.Scrypt(
          dklen,
          n,
          positiveInt(params, "r", "crypto.kdf.params.r"),
          positiveInt(params, "p", "crypto.kdf.params.p"),
          salt);
    }
    if (function.equals(KdfFunction.PBKDF2.jsonName())) {
      String prf = text(params, "prf", "crypto.kdf.params.prf");
      if (!prf.equals(Kdf.Pbkdf2.PRF)) {
        throw error("crypto.kdf.params.prf", "unknown prf '" + prf + "'");
      }
      return new Kdf.Pbkdf2(dklen, positiveInt(params, "c", "crypto.kdf.params.c"), salt);
    }
    throw error("crypto.kdf.function", "unknown kdf '" + function + "'");
  }

  private JsonNode object(JsonNode parent, String field, String path) throws KeystoreException {
    JsonNode node = parent.get(field);
    if (node == null || !node.isObject()) {
      throw error(path, node == null ? "is missing" : "must be an object");
    }
    return node;
  }

  private String text(JsonNode parent, String field, String path) throws KeystoreException {
    JsonNode node = parent.get(field);
    if (node == null || !node.isTextual()) {
      throw error(path, node == null ? "is missing" : "must be a string");
    }
    return node.textValue();
  }

  private int positiveInt(JsonNode parent, String field, String path) throws KeystoreException {
    JsonNode node = parent.get(field);
    if (node == null
        || !node.isIntegralNumber()
        || !node.canConvertToInt()
        || node.intValue() <= 0) {
      throw error(path, node == null ? "is missing" : "must be a positive integer, got " + node);
    }
    return node.intValue();
  }

  /** Hex without or with 0x; {@code size} -1 accepts any non-empty length. */
  private Bytes hex(JsonNode parent, String field, String path, int size) throws KeystoreException {
    String value = text(parent, field, path);
    Bytes bytes;
    try {
      bytes = Bytes.fromHexString(value);
    } catch (IllegalArgumentException e) {
      throw error(path, "is not hex");
    }
    if (size >= 0 && bytes.size() != size) {
      throw error(path, "must be " + size + " bytes, got " + bytes.size());
    }
    if (size < 0 && bytes.isEmpty()) {
      throw error(path, "must not be empty");
    }
    return bytes;
  }

  private KeystoreException error(String field, String problem) {
    return new KeystoreException(
        "keystore " + name + (field.isEmpty() ? ":" : ": field '" + field + "'") + " " + problem);
  }
}
