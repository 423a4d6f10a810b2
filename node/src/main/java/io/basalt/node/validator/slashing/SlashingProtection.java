package io.basalt.node.validator.slashing;

import io.basalt.common.crypto.bls.BlsPublicKey;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The validator client's record of what each key signed. Each check is atomic with its record: a
 * Safe decision is returned only after the message is durably written, so a crash right after
 * signing can never forget it. Implementations are thread-safe.
 */
public interface SlashingProtection extends AutoCloseable {
  SigningDecision checkAndRecordBlock(BlsPublicKey validator, Slot slot, Bytes32 signingRoot);

  SigningDecision checkAndRecordAttestation(
      BlsPublicKey validator, Epoch source, Epoch target, Bytes32 signingRoot);

  /** Shard block proposals: one signing root per (shard, slot), slots increasing per shard. */
  SigningDecision checkAndRecordShardBlock(
      BlsPublicKey validator, ShardId shard, Slot slot, Bytes32 signingRoot);

  @Override
  void close();
}
