package io.basalt.node.validator.keys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.basalt.common.crypto.Hash;
import io.basalt.common.crypto.bls.BlsSecretKey;
import io.basalt.common.crypto.bls.InvalidBlsEncodingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.apache.tuweni.bytes.Bytes;

/**
 * An EIP-2335 (version 4) keystore: a BLS secret encrypted with AES-128-CTR under a key derived
 * from a password by scrypt or PBKDF2, with a SHA-256 checksum that tells a wrong password apart.
 * Immutable.
 *
 * @param name how errors name this keystore (its file name, or its uuid if it has no file)
 * @param pubkey the 48-byte public key, if the file has one
 */
public record Keystore(
    String name,
    Kdf kdf,
    Bytes checksum,
    Bytes iv,
    Bytes cipherMessage,
    String description,
    Optional<Bytes> pubkey,
    String path,
    String uuid) {

  public static final int VERSION = 4;
  static final String CHECKSUM_FUNCTION = "sha256";
  static final String CIPHER_FUNCTION = "aes-128-ctr";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public Keystore {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kdf, "kdf");
    Objects.requireNonNull(checksum, "checksum");
    Objects.requireNonNull(iv, "iv");
    Objects.requireNonNull(cipherMessage, "cipherMessage");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(pubkey, "pubkey");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(uuid, "uuid");
  }

  /**
   * Encrypts {@code secret} under {@code password} with a fresh salt, IV and uuid.
   *
   * @param path the EIP-2334 path of the key, or "" if unknown
   */
  public static Keystore encrypt(
      BlsSecretKey secret,
      String password,
      KdfFunction function,
      KdfStrength strength,
      String path,
      String description,
      SecureRandom random) {
    Kdf kdf = Kdf.create(function, strength, random);
    byte[] iv = new byte[16];
    random.nextBytes(iv);
    byte[] decryptionKey = kdf.deriveKey(KeystorePassword.process(password));
    byte[] cipherMessage = aes128Ctr(decryptionKey, iv, secret.toBytes().toArrayUnsafe());
    String uuid = UUID.randomUUID().toString();
    return new Keystore(
        uuid,
        kdf,
        checksum(decryptionKey, cipherMessage),
        Bytes.wrap(iv),
        Bytes.wrap(cipherMessage),
        description,
        Optional.of(secret.publicKey().toBytes()),
        path,
        uuid);
  }

  /**
   * The secret, decrypted with {@code password}.
   *
   * @throws KeystoreException "keystore NAME: wrong password (checksum mismatch)", or if the secret
   *     is not a valid BLS key or does not match {@link #pubkey()}
   */
  public BlsSecretKey decrypt(String password) throws KeystoreException {
    byte[] decryptionKey = kdf.deriveKey(KeystorePassword.process(password));
    byte[] message = cipherMessage.toArrayUnsafe();
    if (!MessageDigest.isEqual(
        checksum(decryptionKey, message).toArrayUnsafe(), checksum.toArrayUnsafe())) {
      throw new KeystoreException("keystore " + name + ": wrong password (checksum mismatch)");
    }
    byte[] plain = aes128Ctr(decryptionKey, iv.toArrayUnsafe(), message);
    BlsSecretKey secret;
    try {
      secret = BlsSecretKey.fromBytes(Bytes.wrap(plain));
    } catch (InvalidBlsEncodingException e) {
      throw new KeystoreException(
          "keystore " + name + ": the decrypted secret is not a BLS key (" + e.getMessage() + ")");
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
    if (pubkey.isPresent() && !secret.publicKey().toBytes().equals(pubkey.get())) {
      throw new KeystoreException(
          "keystore " + name + ": the decrypted secret does not match field 'pubkey'");
    }
    return secret;
  }

  /** This keystore renamed, for error messages (e.g. after reading it from a file). */
  public Keystore withName(String newName) {
    return new Keystore(newName, kdf, checksum, iv, cipherMessage, description, pubkey, path, uuid);
  }

  /** Reads and parses the keystore file at {@code file}; errors name the file. */
  public static Keystore read(Path file) throws KeystoreException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new KeystoreException("keystore " + file + ": cannot read (" + e.getMessage() + ")", e);
    }
    return KeystoreJson.parse(text, file.getFileName().toString());
  }

  /** Parses keystore JSON; errors name {@code name} and the offending field. */
  public static Keystore parse(String json, String name) throws KeystoreException {
    return KeystoreJson.parse(json, name);
  }

  /** Writes the JSON to {@code file}. */
  public void write(Path file) throws IOException {
    Files.writeString(file, toJson(), StandardCharsets.UTF_8);
  }

  /** The EIP-2335 JSON document. */
  public String toJson() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ObjectNode crypto = root.putObject("crypto");
    ObjectNode kdfNode = crypto.putObject("kdf");
    kdfNode.put("function", kdf.function().jsonName());
    kdfNode.set("params", kdf.params());
    kdfNode.put("message", "");
    ObjectNode checksumNode = crypto.putObject("checksum");
    checksumNode.put("function", CHECKSUM_FUNCTION);
    checksumNode.putObject("params");
    checksumNode.put("message", checksum.toUnprefixedHexString());
    ObjectNode cipher = crypto.putObject("cipher");
    cipher.put("function", CIPHER_FUNCTION);
    cipher.putObject("params").put("iv", iv.toUnprefixedHexString());
    cipher.put("message", cipherMessage.toUnprefixedHexString());
    root.put("description", description);
    pubkey.ifPresent(key -> root.put("pubkey", key.toUnprefixedHexString()));
    root.put("path", path);
    root.put("uuid", uuid);
    root.put("version", VERSION);
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write keystore JSON", e);
    }
  }

  // checksum = SHA256(decryption_key[16:32] | cipher_message)
  private static Bytes checksum(byte[] decryptionKey, byte[] cipherMessage) {
    return Hash.sha256(
        Bytes.concatenate(Bytes.wrap(decryptionKey, 16, 16), Bytes.wrap(cipherMessage)));
  }

  private static byte[] aes128Ctr(byte[] decryptionKey, byte[] iv, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(decryptionKey, 0, 16, "AES"),
          new IvParameterSpec(iv));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-128-CTR is not available", e);
    }
  }
}
