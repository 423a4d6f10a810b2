package io.basalt.common.crypto.secp256k1;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes32;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Per-signature cost of sender recovery (the hot path of transaction import; target at most 60 µs
 * with libsecp256k1) and of signing, for the native and the BouncyCastle implementations.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Secp256k1Benchmark {

  private static final int SIGNATURES = 256;

  private final SecpEcdsa nativeEcdsa = NativeSecpEcdsa.load();
  private final SecpEcdsa bouncyCastle = new BouncyCastleSecpEcdsa();

  private SecpPrivateKey[] keys;
  private Bytes32[] hashes;
  private SecpSignature[] signatures;
  private SecpPublicKey[] publicKeys;
  private int next;

  @Setup(Level.Trial)
  public void createSignatures() {
    SecureRandom random = new SecureRandom();
    keys = new SecpPrivateKey[SIGNATURES];
    hashes = new Bytes32[SIGNATURES];
    signatures = new SecpSignature[SIGNATURES];
    publicKeys = new SecpPublicKey[SIGNATURES];
    for (int i = 0; i < SIGNATURES; i++) {
      keys[i] = SecpPrivateKey.random(random);
      hashes[i] = Bytes32.random(random);
      signatures[i] = nativeEcdsa.sign(hashes[i], keys[i]);
      publicKeys[i] = nativeEcdsa.publicKeyOf(keys[i]);
    }
  }

  // Cycle through distinct keys and messages so no result can be cached.
  private int nextIndex() {
    next = (next + 1) & (SIGNATURES - 1);
    return next;
  }

  @Benchmark
  public RecoveryResult recoverNative() {
    int i = nextIndex();
    return nativeEcdsa.recoverPublicKey(hashes[i], signatures[i]);
  }

  @Benchmark
  public RecoveryResult recoverBouncyCastle() {
    int i = nextIndex();
    return bouncyCastle.recoverPublicKey(hashes[i], signatures[i]);
  }

  @Benchmark
  public SecpSignature signNative() {
    int i = nextIndex();
    return nativeEcdsa.sign(hashes[i], keys[i]);
  }

  @Benchmark
  public SecpSignature signBouncyCastle() {
    int i = nextIndex();
    return bouncyCastle.sign(hashes[i], keys[i]);
  }

  @Benchmark
  public boolean verifyNative() {
    int i = nextIndex();
    return nativeEcdsa.verify(hashes[i], signatures[i], publicKeys[i]);
  }
}
