package io.basalt.shard.transition;

import io.basalt.beacon.datastructures.operations.DepositData;
import io.basalt.beacon.transition.signatures.SignatureSets;
import io.basalt.common.crypto.bls.BlsException;
import io.basalt.common.types.Address;
import io.basalt.common.types.Gwei;
import io.basalt.execution.contracts.DepositSignatureCheck;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes48;

/**
 * Checks a staking deposit's proof of possession exactly as the beacon chain will when it adds the
 * validator, so a deposit the beacon chain would ignore is refused on the shard, where the stake
 * can still go back to the sender.
 */
public final class BeaconDepositSignatureCheck implements DepositSignatureCheck {

  private final SignatureSets signatureSets;

  public BeaconDepositSignatureCheck(SignatureSets signatureSets) {
    this.signatureSets = signatureSets;
  }

  @Override
  public boolean isValid(
      Bytes pubkey, Address withdrawalAddress, long amountGwei, Bytes signature) {
    if (pubkey.size() != 48) {
      return false;
    }
    DepositData data =
        new DepositData(
            Bytes48.wrap(pubkey),
            DepositData.withdrawalCredentials(withdrawalAddress),
            Gwei.of(amountGwei),
            signature);
    try {
      return signatureSets.depositProofOfPossession(data).verify();
    } catch (BlsException | IllegalArgumentException e) {
      return false;
    }
  }
}
