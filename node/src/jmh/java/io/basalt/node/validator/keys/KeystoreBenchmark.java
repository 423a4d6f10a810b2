package io.basalt.node.validator.keys;

import io.basalt.common.crypto.bls.BlsSecretKey;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What one keystore costs to decrypt (the node's start-up) per KDF at light strength, and one
 * EIP-2333 signing-key derivation (five Lamport levels), the per-key cost of {@code genesis}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KeystoreBenchmark {

  @Param({"scrypt", "pbkdf2"})
  String kdf;

  private Keystore keystore;
  private final Bytes seed = Bytes.fromHexString("0x" + "5a".repeat(32));

  @Setup
  public void setUp() {
    KdfFunction function = kdf.equals("scrypt") ? KdfFunction.SCRYPT : KdfFunction.PBKDF2;
    keystore =
        Keystore.encrypt(
            BlsSecretKey.fromScalar(BigInteger.valueOf(123_456_789)),
            "password",
            function,
            KdfStrength.LIGHT,
            "",
            "",
            new SecureRandom());
  }

  @Benchmark
  public BlsSecretKey decryptLight() throws KeystoreException {
    return keystore.decrypt("password");
  }

  @Benchmark
  public BlsSecretKey deriveSigningKey() {
    return Eip2333.deriveKey(seed, "m/12381/3600/0/0/0");
  }
}
