package io.basalt.beacon.datastructures.operations;

import static io.basalt.common.ssz.Field.field;

import io.basalt.common.ssz.ContainerSchema;
import io.basalt.common.ssz.SszTypes;
import io.basalt.common.types.Gwei;
import io.basalt.consensus.types.ConsensusSsz;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.bytes.Bytes48;

/**
 * What a depositor signs with the new validator key ({@code DOMAIN_DEPOSIT}, fork-independent): the
 * signature is the key's proof of possession.
 */
public record DepositMessage(Bytes48 pubkey, Bytes32 withdrawalCredentials, Gwei amount) {

  public static final ContainerSchema<DepositMessage> SSZ =
      ContainerSchema.ofRecord(
          DepositMessage.class,
          field("pubkey", ConsensusSsz.BLS_PUBKEY, DepositMessage::pubkey),
          field("withdrawalCredentials", SszTypes.BYTES32, DepositMessage::withdrawalCredentials),
          field("amount", SszTypes.GWEI, DepositMessage::amount));

  public DepositMessage {
    Objects.requireNonNull(pubkey, "pubkey");
    Objects.requireNonNull(withdrawalCredentials, "withdrawalCredentials");
    Objects.requireNonNull(amount, "amount");
  }

  public Bytes32 hashTreeRoot() {
    return SSZ.hashTreeRoot(this);
  }
}
