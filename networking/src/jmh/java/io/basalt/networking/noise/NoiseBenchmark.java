package io.basalt.networking.noise;

import io.basalt.networking.identity.Secp256k1PeerPrivateKey;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A full Noise XX handshake between two secp256k1 peers (both sides, in memory), and the transport
 * cost of encrypting then decrypting one message of {@code size} bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NoiseBenchmark {

  @Param({"1024", "65519"})
  public int size;

  private final SecureRandom random = new SecureRandom();
  private Secp256k1PeerPrivateKey dialer;
  private Secp256k1PeerPrivateKey listener;
  private NoiseSession sender;
  private NoiseSession receiver;
  private byte[] plaintext;

  @Setup
  public void setUp() {
    dialer = Secp256k1PeerPrivateKey.random(random);
    listener = Secp256k1PeerPrivateKey.random(random);
    NoiseHandshake[] pair = handshake();
    sender = pair[0].session();
    receiver = pair[1].session();
    plaintext = new byte[size];
    random.nextBytes(plaintext);
  }

  private NoiseHandshake[] handshake() {
    NoiseHandshake initiator =
        NoiseHandshake.initiator(dialer, Optional.of(listener.peerId()), random);
    NoiseHandshake responder = NoiseHandshake.responder(listener, random);
    responder.readMessage(initiator.writeMessage());
    initiator.readMessage(responder.writeMessage());
    responder.readMessage(initiator.writeMessage());
    return new NoiseHandshake[] {initiator, responder};
  }

  @Benchmark
  public NoiseHandshake[] fullHandshakeBothSides() {
    return handshake();
  }

  @Benchmark
  public byte[] encryptAndDecryptMessage() {
    return receiver.decryptMessage(sender.encryptMessage(plaintext));
  }
}
