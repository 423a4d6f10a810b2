package io.basalt.node.validator.duties;

import io.basalt.beacon.state.BeaconState;
import io.basalt.common.crypto.bls.BlsSignature;
import io.basalt.common.ssz.Bits;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.types.Attestation;
import io.basalt.consensus.types.AttestationData;
import io.basalt.node.validator.keys.ValidatorKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attestations at a third of the slot: each of our members of each committee of the slot signs the
 * node's vote for its committee (asked once per committee) behind slashing protection and publishes
 * it alone, with only its own aggregation bit set.
 */
public final class AttestationDuty {

  private static final Logger LOG = LoggerFactory.getLogger(AttestationDuty.class);

  private final DutyContext context;

  public AttestationDuty(DutyContext context) {
    this.context = context;
  }

  /** Attests for our members at {@code slot}; returns the votes published, for aggregation. */
  public List<AttestedVote> perform(Slot slot, BeaconState state, boolean synced) {
    List<AttestedVote> published = new ArrayList<>();
    int shardCount = context.api().config().shardCount();
    for (int shard = 0; shard < shardCount; shard++) {
      ShardId id = ShardId.of(shard);
      List<ValidatorIndex> committee = context.accessors().getBeaconCommittee(state, slot, id);
      AttestationData data = null; // asked once per committee, and only if one of ours votes
      for (int position = 0; position < committee.size(); position++) {
        Optional<ValidatorKey> key = context.validators().key(committee.get(position));
        if (key.isEmpty()) {
          continue;
        }
        if (!synced) {
          context.metrics().dutyMissed(DutyKind.ATTESTATION);
          continue;
        }
        if (data == null) {
          data = context.api().attestationData(slot, id);
          if (!data.slot().equals(slot) || !data.shard().equals(id)) {
            LOG.warn(
                "Node gave attestation data for {}/{}, asked {}/{}",
                data.slot(),
                data.shard(),
                slot,
                id);
            data = null;
            context.metrics().dutyMissed(DutyKind.ATTESTATION);
            continue;
          }
        }
        ValidatorIndex member = committee.get(position);
        Optional<BlsSignature> signature = context.signer().signAttestation(state, key.get(), data);
        if (signature.isEmpty()) {
          context.metrics().dutyMissed(DutyKind.ATTESTATION);
          continue;
        }
        Bits bits = Bits.zeros(committee.size()).with(position, true);
        context.api().publishAttestation(new Attestation(bits, data, signature.get().toBytes()));
        context.metrics().dutyPerformed(DutyKind.ATTESTATION);
        published.add(new AttestedVote(member, key.get(), committee.size(), data));
      }
    }
    return published;
  }
}
