package io.basalt.node.validator.signing;

import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.testing.TestStates;
import io.basalt.common.crypto.bls.BlsPublicKey;
import io.basalt.common.crypto.bls.BlsSecretKey;
import io.basalt.common.crypto.bls.BlsSignature;
import io.basalt.common.crypto.bls.InteropKeys;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.consensus.types.AttestationData;
import io.basalt.consensus.types.Checkpoint;
import io.basalt.node.validator.ValidatorMetrics;
import io.basalt.node.validator.keys.ValidatorKey;
import io.basalt.node.validator.slashing.SigningDecision;
import io.basalt.node.validator.slashing.SlashingProtection;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes32;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * One attestation signature as the client makes it: signing root with the attester domain from the
 * duty state, the slashing-protection call (here an always-safe stand-in, so the figure is the
 * client's own cost without the store's write) and the BLS signature.
 *
 * <p>Run: {@code ./bench node AttestationSigningBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AttestationSigningBenchmark {

  private static final SlashingProtection ALWAYS_SAFE =
      new SlashingProtection() {
        @Override
        public SigningDecision checkAndRecordBlock(BlsPublicKey v, Slot s, Bytes32 r) {
          return SigningDecision.safe();
        }

        @Override
        public SigningDecision checkAndRecordAttestation(
            BlsPublicKey v, Epoch source, Epoch target, Bytes32 r) {
          return SigningDecision.safe();
        }

        @Override
        public SigningDecision checkAndRecordShardBlock(
            BlsPublicKey v, ShardId shard, Slot s, Bytes32 r) {
          return SigningDecision.safe();
        }

        @Override
        public void close() {}
      };

  private final BeaconState state = TestStates.genesis64();
  private final ValidatorSigner signer =
      new ValidatorSigner(
          TestStates.LOCAL,
          new BeaconStateAccessors(TestStates.LOCAL),
          ALWAYS_SAFE,
          ValidatorMetrics.NONE);
  private final ValidatorKey key = key();
  private final AttestationData data =
      new AttestationData(
          Slot.ZERO,
          ShardId.of(0),
          Bytes32.repeat((byte) 1),
          new Checkpoint(Epoch.ZERO, Bytes32.ZERO),
          new Checkpoint(Epoch.ZERO, Bytes32.repeat((byte) 1)),
          Bytes32.ZERO);

  private static ValidatorKey key() {
    BlsSecretKey secret = InteropKeys.secretKey(0);
    return new ValidatorKey(secret, secret.publicKey());
  }

  @Benchmark
  public Optional<BlsSignature> signAttestation() {
    return signer.signAttestation(state, key, data);
  }
}
