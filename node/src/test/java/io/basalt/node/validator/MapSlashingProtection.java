package io.basalt.node.validator;

import io.basalt.common.crypto.bls.BlsPublicKey;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.node.validator.slashing.SigningDecision;
import io.basalt.node.validator.slashing.SlashingProtection;
import java.util.HashMap;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A map-based stand-in for the real store: refuses a second, different block per slot (and any slot
 * not after the last signed one), a double vote (same target, other root) and a surround vote
 * against the latest vote. {@code refuseAll} makes every check refuse.
 */
final class MapSlashingProtection implements SlashingProtection {

  private record Vote(Epoch source, Epoch target, Bytes32 root) {}

  private final Map<BlsPublicKey, Map<Slot, Bytes32>> blocks = new HashMap<>();
  private final Map<BlsPublicKey, Map<Epoch, Vote>> votes = new HashMap<>();
  private final Map<String, Bytes32> shardBlocks = new HashMap<>();
  volatile boolean refuseAll;
  int blockChecks;
  int attestationChecks;
  int shardBlockChecks;

  @Override
  public synchronized SigningDecision checkAndRecordBlock(
      BlsPublicKey validator, Slot slot, Bytes32 signingRoot) {
    blockChecks++;
    if (refuseAll) {
      return new SigningDecision.Refused("refusing everything");
    }
    Map<Slot, Bytes32> signed = blocks.computeIfAbsent(validator, k -> new HashMap<>());
    Bytes32 previous = signed.get(slot);
    if (previous != null && !previous.equals(signingRoot)) {
      return new SigningDecision.Refused("double proposal at slot " + slot);
    }
    signed.put(slot, signingRoot);
    return SigningDecision.safe();
  }

  @Override
  public synchronized SigningDecision checkAndRecordAttestation(
      BlsPublicKey validator, Epoch source, Epoch target, Bytes32 signingRoot) {
    attestationChecks++;
    if (refuseAll) {
      return new SigningDecision.Refused("refusing everything");
    }
    Map<Epoch, Vote> signed = votes.computeIfAbsent(validator, k -> new HashMap<>());
    Vote previous = signed.get(target);
    if (previous != null && !previous.root().equals(signingRoot)) {
      return new SigningDecision.Refused("double vote for target " + target);
    }
    for (Vote vote : signed.values()) {
      boolean surrounds = source.isBefore(vote.source()) && vote.target().isBefore(target);
      boolean surrounded = vote.source().isBefore(source) && target.isBefore(vote.target());
      if (surrounds || surrounded) {
        return new SigningDecision.Refused("surround vote");
      }
    }
    signed.put(target, new Vote(source, target, signingRoot));
    return SigningDecision.safe();
  }

  @Override
  public synchronized SigningDecision checkAndRecordShardBlock(
      BlsPublicKey validator, ShardId shard, Slot slot, Bytes32 signingRoot) {
    shardBlockChecks++;
    if (refuseAll) {
      return new SigningDecision.Refused("refusing everything");
    }
    String key = validator + "/" + shard + "/" + slot;
    Bytes32 previous = shardBlocks.putIfAbsent(key, signingRoot);
    if (previous != null && !previous.equals(signingRoot)) {
      return new SigningDecision.Refused("double shard proposal");
    }
    return SigningDecision.safe();
  }

  @Override
  public void close() {}
}
