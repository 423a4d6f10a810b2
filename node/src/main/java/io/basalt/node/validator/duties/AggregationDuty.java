package io.basalt.node.validator.duties;

import io.basalt.beacon.datastructures.operations.AggregateAndProof;
import io.basalt.beacon.datastructures.operations.SignedAggregateAndProof;
import io.basalt.beacon.helpers.AggregatorSelection;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.crypto.bls.BlsSignature;
import io.basalt.common.types.Slot;
import io.basalt.consensus.types.Attestation;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Aggregation at two thirds of the slot (phase0 validator guide): each of our members that voted at
 * the slot signs the slot (its selection proof); those the proof selects ({@code is_aggregator})
 * fetch the node's best aggregate of their vote and publish it as a signed {@code
 * AggregateAndProof}. Only selected members have a duty, so only they count as performed or missed.
 */
public final class AggregationDuty {

  private static final Logger LOG = LoggerFactory.getLogger(AggregationDuty.class);

  private final DutyContext context;
  private final AggregatorSelection selection;

  public AggregationDuty(DutyContext context) {
    this.context = context;
    this.selection = new AggregatorSelection(context.api().config(), context.accessors());
  }

  public void perform(Slot slot, BeaconState state, List<AttestedVote> votes, boolean synced) {
    for (AttestedVote vote : votes) {
      BlsSignature proof = context.signer().signSelectionProof(state, vote.key(), slot);
      if (!selection.isAggregator(vote.committeeSize(), proof.toBytes())) {
        continue;
      }
      if (!synced) {
        context.metrics().dutyMissed(DutyKind.AGGREGATION);
        continue;
      }
      Bytes32 dataRoot = vote.data().hashTreeRoot();
      Optional<Attestation> aggregate = context.api().aggregate(slot, dataRoot);
      if (aggregate.isEmpty() || !aggregate.get().data().hashTreeRoot().equals(dataRoot)) {
        LOG.info("Missed aggregation of {} at slot {}: no aggregate held", vote.validator(), slot);
        context.metrics().dutyMissed(DutyKind.AGGREGATION);
        continue;
      }
      AggregateAndProof message =
          new AggregateAndProof(vote.validator(), aggregate.get(), proof.toBytes());
      BlsSignature signature = context.signer().signAggregateAndProof(state, vote.key(), message);
      context
          .api()
          .publishAggregateAndProof(new SignedAggregateAndProof(message, signature.toBytes()));
      context.metrics().dutyPerformed(DutyKind.AGGREGATION);
    }
  }
}
