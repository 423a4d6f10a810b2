package io.basalt.beacon.state;

import static io.basalt.common.ssz.Field.field;

import io.basalt.beacon.datastructures.operations.DepositData;
import io.basalt.common.ssz.ContainerSchema;
import io.basalt.common.ssz.SszTypes;
import io.basalt.common.types.Address;
import io.basalt.common.types.Gwei;
import io.basalt.consensus.types.ConsensusSsz;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.bytes.Bytes48;

/**
 * A deposit made through the staking system contract on a shard, queued in the beacon state once
 * its receipt is crosslinked; blocks include queued deposits first-in first-out.
 *
 * @param signature the BLS signature of {@code pubkey} over the {@code DepositMessage} (domain
 *     {@code DOMAIN_DEPOSIT}): its proof of possession
 */
public record PendingDeposit(
    Bytes48 pubkey, Address withdrawalAddress, Gwei amount, Bytes signature) {

  public static final ContainerSchema<PendingDeposit> SSZ =
      ContainerSchema.ofRecord(
          PendingDeposit.class,
          field("pubkey", ConsensusSsz.BLS_PUBKEY, PendingDeposit::pubkey),
          field("withdrawalAddress", ConsensusSsz.ADDRESS, PendingDeposit::withdrawalAddress),
          field("amount", SszTypes.GWEI, PendingDeposit::amount),
          field("signature", ConsensusSsz.BLS_SIGNATURE, PendingDeposit::signature));

  public PendingDeposit {
    Objects.requireNonNull(pubkey, "pubkey");
    Objects.requireNonNull(withdrawalAddress, "withdrawalAddress");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(signature, "signature");
  }

  /** The deposit data a block must carry to include this deposit. */
  public DepositData toDepositData() {
    return new DepositData(
        pubkey, DepositData.withdrawalCredentials(withdrawalAddress), amount, signature);
  }

  public Bytes32 hashTreeRoot() {
    return SSZ.hashTreeRoot(this);
  }
}
