package io.basalt.beacon.datastructures.blocks;

import io.basalt.beacon.datastructures.operations.AttesterSlashing;
import io.basalt.beacon.datastructures.operations.Deposit;
import io.basalt.beacon.datastructures.operations.ProposerSlashing;
import io.basalt.beacon.datastructures.operations.SignedVoluntaryExit;
import io.basalt.beacon.datastructures.shard.SignedShardBlockHeader;
import io.basalt.beacon.datastructures.shard.StakingReceiptProof;
import io.basalt.consensus.types.Attestation;
import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The operations a beacon block carries. Phase0's body without eth1 data (deposits come from the
 * pending-deposit queue instead) and with the signed shard block headers this block proposes for
 * crosslinking, and the staking receipts (with their proofs against the source shards' crosslinks)
 * that this block moves into the pending-deposit queue. Schema: {@code
 * BeaconSchemas.beaconBlockBody()} (list limits come from the config).
 */
public record BeaconBlockBody(
    Bytes randaoReveal,
    Bytes32 graffiti,
    List<ProposerSlashing> proposerSlashings,
    List<AttesterSlashing> attesterSlashings,
    List<Attestation> attestations,
    List<Deposit> deposits,
    List<SignedVoluntaryExit> voluntaryExits,
    List<SignedShardBlockHeader> shardHeaders,
    List<StakingReceiptProof> stakingReceipts) {

  public BeaconBlockBody {
    Objects.requireNonNull(randaoReveal, "randaoReveal");
    Objects.requireNonNull(graffiti, "graffiti");
    proposerSlashings = List.copyOf(proposerSlashings);
    attesterSlashings = List.copyOf(attesterSlashings);
    attestations = List.copyOf(attestations);
    deposits = List.copyOf(deposits);
    voluntaryExits = List.copyOf(voluntaryExits);
    shardHeaders = List.copyOf(shardHeaders);
    stakingReceipts = List.copyOf(stakingReceipts);
  }

  /** A body with no operations. */
  public static BeaconBlockBody empty(Bytes randaoReveal, Bytes32 graffiti) {
    return new BeaconBlockBody(
        randaoReveal,
        graffiti,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }
}
